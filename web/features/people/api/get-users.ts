import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { userListSchema } from '../../../../src/shared/api/users.ts';
import type { PeopleSort, User } from '../../../../src/shared/api/users.ts';
import type { Role } from '../../../../src/shared/roles.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { User };

/** What the people list shows: the search and filters, as they stand in the page's address. */
export interface PeopleFilters {
  q?: string | undefined;
  role?: Role | undefined;
  status?: 'active' | 'disabled' | undefined;
  sort?: PeopleSort | undefined;
}

export const PEOPLE_PAGE_SIZE = 50;

/** One page of people; `after` is the previous page's `nextCursor`. */
export function getUsers(filters: PeopleFilters, after?: string, limit = PEOPLE_PAGE_SIZE) {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (after) params.set('after', after);
  return apiRequest(`/api/users?${params.toString()}`, userListSchema);
}

export function usersQueryOptions(filters: PeopleFilters) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.users, 'list', filters],
    queryFn: ({ pageParam }) => getUsers(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** The people list, a page at a time ("Load more" fetches the next). */
export function useUsers(filters: PeopleFilters) {
  return useInfiniteQuery(usersQueryOptions(filters));
}

/** How many accounts can sign in (for the home page's shortcut): a count, no list. */
export function useActiveAccountCount() {
  return useQuery(
    queryOptions({
      queryKey: [...queryKeys.users, 'count', 'active'],
      queryFn: async () => (await getUsers({ status: 'active' }, undefined, 1)).total,
    }),
  );
}
