import { queryOptions, useQuery } from '@tanstack/react-query';
import { userListSchema } from '../../../../src/shared/api/users.ts';
import type { User } from '../../../../src/shared/api/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type { User };

export async function getUsers(): Promise<User[]> {
  const data = await apiRequest('/api/users', userListSchema);
  return data.users;
}

export function usersQueryOptions() {
  return queryOptions({ queryKey: queryKeys.users, queryFn: getUsers });
}

export function useUsers() {
  return useQuery(usersQueryOptions());
}
