import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contactLogSchema } from '../../../../src/shared/api/activities.ts';
import type { ContactLog, LogContact } from '../../../../src/shared/api/activities.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { activityKeys } from './activity-keys.ts';

export type LogContactInput = { matchId: number; contact: LogContact };

/** The server answers with the match's whole log. */
export function logContact({ matchId, contact }: LogContactInput): Promise<ContactLog> {
  return apiRequest(`/api/matches/${matchId}/contacts`, contactLogSchema, { method: 'POST', body: contact });
}

export function useLogContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logContact,
    onSuccess: (log) => queryClient.setQueryData(activityKeys.contactLog(log.matchId), log),
  });
}
