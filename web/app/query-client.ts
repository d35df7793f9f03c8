import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-error.ts';
import { queryKeys } from '../lib/query-keys.ts';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx will not fix itself; network blips and 5xx get two more tries.
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      // The session ended (expired, or signed out in another tab): the signed-in
      // layout sees `me` become null and sends the person to the sign-in page.
      if (isApiError(error) && error.status === 401 && query.queryKey[0] !== queryKeys.me[0]) {
        queryClient.setQueryData(queryKeys.me, null);
      }
    },
  }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: true },
    mutations: { retry: false },
  },
});
