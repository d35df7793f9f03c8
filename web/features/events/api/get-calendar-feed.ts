import { queryOptions, useQuery } from '@tanstack/react-query';
import { calendarFeedSchema } from '../../../../src/shared/api/events.ts';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';

export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** Whether the person has a calendar feed (its address is never sent again after it is made). */
export function getCalendarFeed(): Promise<CalendarFeed> {
  return apiRequest('/api/me/calendar-feed', calendarFeedSchema);
}

export function calendarFeedQueryOptions() {
  return queryOptions({ queryKey: eventKeys.calendarFeed, queryFn: getCalendarFeed });
}

export function useCalendarFeed() {
  return useQuery(calendarFeedQueryOptions());
}
