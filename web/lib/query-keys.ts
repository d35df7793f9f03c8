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
  outboxMessage: (id: number) => ['outbox', 'message', id] as const,
  audit: ['audit'] as const,
  applyForm: ['apply-form'] as const,
  myApplications: ['my-applications'] as const,
  /** Every application query (one, a period's list): a decision or an edit refreshes them all. */
  applications: ['applications'] as const,
  application: (id: number) => ['applications', 'one', id] as const,
  periodApplications: (periodId: number, filters: Record<string, string>) => ['applications', 'period', periodId, filters] as const,
  /** A background CSV import of applications: outside `applications`, so the lists it refreshes don't refetch it. */
  applicationImport: (id: number) => ['application-imports', id] as const,
  /** A period's latest imports; refreshed as one starts and as one ends. */
  periodImports: (periodId: number) => ['period-imports', periodId] as const,
  matching: ['matching'] as const,
  matchingWorkspace: (periodId: number) => ['matching', 'workspace', periodId] as const,
  matchingRun: (runId: number) => ['matching', 'run', runId] as const,
  pairPreview: (runId: number, menteeApplicationId: number, mentorApplicationId: number) =>
    ['matching', 'preview', runId, menteeApplicationId, mentorApplicationId] as const,
  myMatches: ['my-matches'] as const,
};
