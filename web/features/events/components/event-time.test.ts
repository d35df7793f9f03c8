import { describe, expect, it } from 'vitest';
import { shortStart, whenForViewer, whenIn, zoneLabel } from './event-time.ts';

// 18:00 in Chicago on 12 March 2026 (CDT, UTC−5) is 23:00 UTC.
const event = { startsAt: '2026-03-12T23:00:00.000Z', endsAt: '2026-03-13T00:00:00.000Z', timeZone: 'America/Chicago' };

describe('event times', () => {
  it('reads the event in its own zone', () => {
    expect(whenIn(event, event.timeZone, 'en-US')).toEqual({ date: 'Thursday, March 12, 2026', time: '6:00 PM – 7:00 PM' });
  });

  it('names the end’s date when it falls on another day', () => {
    expect(whenIn(event, 'Europe/Berlin', 'en-US')).toEqual({ date: 'Friday, March 13, 2026', time: '12:00 AM – 1:00 AM' });
    expect(whenIn(event, 'America/New_York', 'en-US').time).toBe('7:00 PM – 8:00 PM');
    expect(whenIn(event, 'UTC', 'en-US').time).toBe('11:00 PM – Friday, March 13, 2026, 12:00 AM');
  });

  it('adds the viewer’s clock only when it reads differently', () => {
    expect(whenForViewer(event, 'America/Chicago', 'en-US')).toBeNull();
    // Winnipeg keeps the same offset as Chicago: nothing new to say.
    expect(whenForViewer(event, 'America/Winnipeg', 'en-US')).toBeNull();
    expect(whenForViewer(event, 'America/New_York', 'en-US')?.time).toBe('7:00 PM – 8:00 PM');
  });

  it('survives a zone the browser does not know', () => {
    expect(shortStart({ startsAt: event.startsAt, timeZone: 'Mars/Olympus' }, 'en-US')).toBe('Thu, Mar 12, 2026, 11:00 PM UTC');
    expect(zoneLabel('America/New_York')).toBe('America/New York');
  });
});
