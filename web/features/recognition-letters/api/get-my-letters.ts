import { queryOptions, useQuery } from '@tanstack/react-query';
import { myLetterListSchema } from '../../../../src/shared/api/recognition-letters.ts';
import type { MyLetter } from '../../../../src/shared/api/recognition-letters.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { letterKeys } from './letter-keys.ts';

export type { MyLetter };

/** The periods in which the signed-in person completed their service as a mentor. */
export async function getMyLetters(): Promise<MyLetter[]> {
  return (await apiRequest('/api/recognition-letters/mine', myLetterListSchema)).letters;
}

export function myLettersQueryOptions() {
  return queryOptions({ queryKey: letterKeys.mine, queryFn: getMyLetters });
}

export function useMyLetters() {
  return useQuery(myLettersQueryOptions());
}
