import type { z } from 'zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { attendanceResultSchema } from '../../../../src/shared/api/events.ts';
import type { attendeeListSchema } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { eventKeys } from './event-keys.ts';

type AttendeeList = z.infer<typeof attendeeListSchema>;

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
    onSuccess: (_result, input) => {
      // The list shows what was saved at once (the page clears its ticks now), then refreshes.
      const marked = new Map(input.marks.map((m) => [m.userId, m.attended]));
      queryClient.setQueryData<AttendeeList>(eventKeys.attendees(input.eventId), (old) =>
        old
          ? {
              ...old,
              attendees: old.attendees.map((a) =>
                marked.has(a.userId) ? { ...a, attended: marked.get(a.userId)!, attendanceSource: 'hand' } : a,
              ),
            }
          : old,
      );
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
