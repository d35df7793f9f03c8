import { useMutation, useQueryClient } from '@tanstack/react-query';
import { checkInHandledSchema, checkInSentSchema } from '../../../../src/shared/api/check-ins.ts';
import type { CheckInSent } from '../../../../src/shared/api/check-ins.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { programHealthAllKey } from './get-program-health.ts';

export function sendCheckIn(input: { matchId: number; note: string }): Promise<CheckInSent> {
  return apiRequest(`/api/matches/${input.matchId}/check-ins`, checkInSentSchema, { method: 'POST', body: { note: input.note } });
}

export function markCheckInHandled(matchId: number) {
  return apiRequest(`/api/matches/${matchId}/check-ins/handled`, checkInHandledSchema, { method: 'POST' });
}

/** Both change what program health shows: refresh every period's view, and the audit log. */
function useRefreshHealth() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: programHealthAllKey });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
  };
}

/** Staff check in with a pair: both get an e-mail with two one-click answers. */
export function useSendCheckIn() {
  return useMutation({ mutationFn: sendCheckIn, onSettled: useRefreshHealth() });
}

/** Staff have followed up a pair's "I'd like to talk": the flag comes down. */
export function useMarkCheckInHandled() {
  return useMutation({ mutationFn: markCheckInHandled, onSettled: useRefreshHealth() });
}
