// This feature's query keys. Kept here rather than in lib/query-keys.ts: nothing outside the
// feature needs to refresh them.
export const resourceKeys = {
  all: ['resources'] as const,
  list: (audience: string) => ['resources', 'list', audience] as const,
  faq: ['faq'] as const,
};
