import type { EventMedia, EventView } from '../../../../src/shared/api/events.ts';

/** An uploaded video or sound file plays in the page (a video element plays either). */
const isPlayable = (media: EventMedia) => media.url === null && /^(video|audio)\//.test(media.fileType ?? '');

/** The recording plays in the page when it is an uploaded video; otherwise it is a link. */
export function RecordingView({ media, title }: { media: EventMedia; title: string }) {
  if (isPlayable(media)) {
    return (
      <>
        {/* Labelled by the event's title; only the first frames and the length load until it plays. */}
        <video
          className="resource-video"
          controls
          preload="metadata"
          src={media.href}
          aria-label={`Recording: ${title}`}
          data-testid="event-recording-video"
        >
          <a href={media.href}>Download the recording</a>
        </video>
        <p className="small">
          <a href={media.href} download={media.fileName ?? undefined}>
            Download the recording<span className="visually-hidden"> of {title}</span>
          </a>
        </p>
      </>
    );
  }
  return (
    <p>
      <a href={media.href} target="_blank" rel="noreferrer">
        Watch the recording<span className="visually-hidden"> of {title}</span> (opens in a new tab)
      </a>
    </p>
  );
}

export function SlidesView({ media, title }: { media: EventMedia; title: string }) {
  return (
    <p>
      <a href={media.href} target="_blank" rel="noreferrer">
        Open the slides<span className="visually-hidden"> of {title}</span>
        {media.fileName ? ` (${media.fileName})` : ''} (opens in a new tab)
      </a>
    </p>
  );
}

/** What stays after an event: its recording and slides, when there are any. */
export function EventMediaView({ event }: { event: Pick<EventView, 'title' | 'recording' | 'slides'> }) {
  if (!event.recording && !event.slides) return null;
  return (
    <>
      {event.recording ? <RecordingView media={event.recording} title={event.title} /> : null}
      {event.slides ? <SlidesView media={event.slides} title={event.title} /> : null}
    </>
  );
}
