/** The five roles of PRODUCT.md; a person may hold several. */
export const ROLES = ['staff', 'committee', 'taskforce', 'mentor', 'mentee'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  staff: 'Program staff',
  committee: 'Matching committee',
  taskforce: 'Advisory task force',
  mentor: 'Mentor',
  mentee: 'Mentee',
};
