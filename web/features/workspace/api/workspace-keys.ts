// This feature's query keys: every key starts with ['workspace'].
export const workspaceKeys = {
  all: ['workspace'] as const,
  /** GET /api/program-figures?periodId= */
  figures: (periodId: number) => ['workspace', 'figures', periodId] as const,
  /** GET /api/survey-results/across-years/questions */
  trendQuestions: ['workspace', 'trend-questions'] as const,
  /** GET /api/survey-results/across-years?questionId= */
  trend: (questionId: string) => ['workspace', 'trend', questionId] as const,
};
