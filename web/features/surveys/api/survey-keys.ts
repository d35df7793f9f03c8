// This feature's query keys: every key starts with ['surveys'], so one change can refresh them all
// (an answer sent changes the home card, the list and staff's progress view at once).
export const surveyKeys = {
  all: ['surveys'] as const,
  /** GET /api/surveys: staff's whole list, or the surveys a participant is asked to answer. */
  list: ['surveys', 'list'] as const,
  /** GET /api/survey-results: the published surveys whose results the person may read. */
  resultsList: ['surveys', 'results-list'] as const,
  one: (id: number) => ['surveys', 'one', id] as const,
  progress: (id: number) => ['surveys', 'progress', id] as const,
  /** GET /api/surveys/:id/not-yet, one key per search and filters (its pages under it). */
  notYet: (id: number, filters: object) => ['surveys', 'not-yet', id, filters] as const,
  results: (id: number) => ['surveys', 'results', id] as const,
  answers: (id: number) => ['surveys', 'answers', id] as const,
  form: (id: number) => ['surveys', 'form', id] as const,
};
