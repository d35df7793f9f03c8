// This feature's query keys: every key starts with ['mentor-choice'], so one answer can refresh them all.
export const mentorChoiceKeys = {
  all: ['mentor-choice'] as const,
  /** GET /api/my/suggestions */
  suggestions: ['mentor-choice', 'suggestions'] as const,
  /** GET /api/my/mentor-requests */
  myRequests: ['mentor-choice', 'my-requests'] as const,
  /** GET /api/mentor-requests/:id */
  request: (id: number) => ['mentor-choice', 'request', id] as const,
  /** GET /api/periods/:id/mentor-requests */
  periodRequests: (periodId: number) => ['mentor-choice', 'period', periodId] as const,
  /** GET /api/my/mentor-card */
  myCard: ['mentor-choice', 'my-card'] as const,
};
