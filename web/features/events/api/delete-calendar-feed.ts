import { useMutation, useQueryClient } from '@tanstack/react-query';
import { calendarFeedSchema } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';
import type { CalendarFeed } from './get-calendar-feed.ts';

/** Turns the feed off: calendar apps that follow it get nothing more. */
export function deleteCalendarFeed(): Promise<CalendarFeed> {
  return apiRequest('/api/me/calendar-feed', calendarFeedSchema, { method: 'DELETE' });
}

export function useDeleteCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteCalendarFeed, onSuccess: (feed) => queryClient.setQueryData(eventKeys.calendarFeed, feed) });
}
