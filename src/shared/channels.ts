export const CHANNELS = ['phone', 'email', 'video', 'chat', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  phone: 'Phone',
  email: 'E-mail',
  video: 'Video call',
  chat: 'Online chat',
  in_person: 'In person',
};
