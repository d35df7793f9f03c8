import type { InfiniteData } from '@tanstack/react-query';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { attendanceResultSchema } from '../../../../src/shared/api/events.ts';
import type { AttendeeList } from '../../../../src/shared/api/events.ts';
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
    onSuccess: (result, input) => {
      // Every page loaded, under every search, shows what was saved at once (the page clears its
      // ticks now), with the new counts; then they refresh.
      const marked = new Map(input.marks.map((m) => [m.userId, m.attended]));
      queryClient.setQueriesData<InfiniteData<AttendeeList>>({ queryKey: eventKeys.attendeesOf(input.eventId) }, (old) =>
        old
          ? {
              ...old,
              pages: old.pages.map((page) => ({
                ...page,
                event: { ...page.event, counts: result.counts },
                attendees: page.attendees.map((a) =>
                  marked.has(a.userId) ? { ...a, attended: marked.get(a.userId)!, attendanceSource: 'hand' as const } : a,
                ),
              })),
            }
          : old,
      );
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
