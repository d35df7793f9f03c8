import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contactLogSchema } from '../../../../src/shared/api/activities.ts';
import type { ContactLog } from '../../../../src/shared/api/activities.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { activityKeys } from './activity-keys.ts';

/** Only the person who logged a contact may delete it; the server answers with the log as it now is. */
export function deleteContact(contactId: number): Promise<ContactLog> {
  return apiRequest(`/api/contacts/${contactId}`, contactLogSchema, { method: 'DELETE' });
}

export function useDeleteContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteContact,
    onSuccess: (log) => queryClient.setQueryData(activityKeys.contactLog(log.matchId), log),
  });
}
