import { useMutation, useQueryClient } from '@tanstack/react-query';
import { attendanceResultSchema } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { eventKeys } from './event-keys.ts';

export interface AttendanceMark {
  userId: number;
  attended: boolean;
}

/** Marks who came; the server refuses (409) before the event has started. */
export function saveAttendance(input: { eventId: number; marks: AttendanceMark[] }) {
  return apiRequest(`/api/events/${input.eventId}/attendance`, attendanceResultSchema, { method: 'PUT', body: { marks: input.marks } });
}

export function useSaveAttendance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAttendance,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
