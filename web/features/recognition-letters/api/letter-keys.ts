// This feature's query keys: every key starts with ['recognition-letters'].
export const letterKeys = {
  all: ['recognition-letters'] as const,
  /** GET /api/recognition-letters/mine */
  mine: ['recognition-letters', 'mine'] as const,
  /** GET /api/periods/:id/recognition-letters */
  period: (periodId: number) => ['recognition-letters', 'period', periodId] as const,
};
