// Query keys shared across features, so that a change in one place (for example
// renaming the program in settings) can refresh what another place shows.
export const queryKeys = {
  setupStatus: ['setup-status'] as const,
  me: ['me'] as const,
  invitationPreview: (token: string) => ['invitation-preview', token] as const,
  users: ['users'] as const,
  invitations: ['invitations'] as const,
  settings: ['settings'] as const,
  programGoals: ['program-goals'] as const,
  periods: ['periods'] as const,
  period: (id: number) => ['periods', id] as const,
  outbox: ['outbox'] as const,
  outboxList: (to: string) => ['outbox', 'list', to] as const,
  outboxMessage: (id: number) => ['outbox', 'message', id] as const,
  audit: ['audit'] as const,
};
