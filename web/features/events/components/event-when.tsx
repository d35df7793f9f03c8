import { browserTimeZone } from '../../../lib/time-zones.ts';
import { whenForViewer, whenIn, zoneLabel } from './event-time.ts';
import type { EventTimes } from './event-time.ts';

/** When an event is: in its own time zone, and on the viewer's clock when that reads differently. */
export function EventWhen({ event }: { event: EventTimes }) {
  const theirs = whenIn(event, event.timeZone);
  const viewerZone = browserTimeZone();
  const mine = whenForViewer(event, viewerZone);
  return (
    <>
      <span className="event-when">
        {theirs.date}, {theirs.time} <span className="muted">({zoneLabel(event.timeZone)} time)</span>
      </span>
      {mine ? (
        <span className="event-when__local muted small">
          <br />
          That is {mine.date === theirs.date ? mine.time : `${mine.date}, ${mine.time}`} your time ({zoneLabel(viewerZone)}).
        </span>
      ) : null}
    </>
  );
}
