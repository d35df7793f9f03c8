import { useMutation, useQueryClient } from '@tanstack/react-query';
import { calendarFeedSchema } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';
import type { CalendarFeed } from './get-calendar-feed.ts';

/** Makes a new secret feed address; any earlier one stops working. The answer is the only time it is shown. */
export function createCalendarFeed(): Promise<CalendarFeed> {
  return apiRequest('/api/me/calendar-feed', calendarFeedSchema, { method: 'POST' });
}

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCalendarFeed,
    // Kept without the address: the page shows it from this mutation's answer only.
    onSuccess: (feed) => queryClient.setQueryData(eventKeys.calendarFeed, { ...feed, url: null }),
  });
}
