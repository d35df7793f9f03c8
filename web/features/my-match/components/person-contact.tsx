import { CHANNEL_LABELS } from '../../../../src/shared/channels.ts';
import type { Channel } from '../../../../src/shared/channels.ts';

export interface ContactDetails {
  name: string;
  email: string;
  phone: string;
  jobTitle: string;
  employer: string;
  region: string;
  timeZone: string;
  channels: Channel[];
  languages: string[];
}

/** How to reach someone in a match: the details they gave on their application, nothing more. */
export function PersonContact({ person }: { person: ContactDetails }) {
  const work = [person.jobTitle, person.employer].filter(Boolean).join(', ');
  return (
    <dl className="dl">
      <dt>Name</dt>
      <dd>{person.name}</dd>
      {work ? (
        <>
          <dt>Work</dt>
          <dd>{work}</dd>
        </>
      ) : null}
      <dt>E-mail</dt>
      <dd>
        <a href={`mailto:${person.email}`}>{person.email}</a>
      </dd>
      {person.phone ? (
        <>
          <dt>Phone</dt>
          <dd>
            <a href={`tel:${person.phone.replace(/[^\d+]/g, '')}`}>{person.phone}</a>
          </dd>
        </>
      ) : null}
      <dt>Likes to keep in touch by</dt>
      <dd>{person.channels.map((c) => CHANNEL_LABELS[c]).join(', ') || 'No preference given'}</dd>
      {person.languages.length > 0 ? (
        <>
          <dt>Languages</dt>
          <dd>{person.languages.join(', ')}</dd>
        </>
      ) : null}
      <dt>Where</dt>
      <dd>
        {person.region} · {person.timeZone.replaceAll('_', ' ')}
      </dd>
    </dl>
  );
}
