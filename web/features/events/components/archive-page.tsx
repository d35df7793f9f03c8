import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { EventView } from '../../../../src/shared/api/events.ts';
import { EVENT_KIND_LABELS, EVENT_KINDS } from '../../../../src/shared/events.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useArchive } from '../api/get-archive.ts';
import type { ArchiveFilters } from '../api/get-archive.ts';
import { EventMediaView } from './event-media.tsx';
import { whenIn, zoneLabel } from './event-time.ts';
import { LinkedText } from './linked-text.tsx';

const KIND_OPTIONS = [{ value: '', label: 'Every kind' }, ...EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))];

function SearchForm({
  initial,
  periods,
  onApply,
}: {
  initial: ArchiveFilters;
  periods: readonly { id: number; name: string }[];
  onApply: (filters: ArchiveFilters) => void;
}) {
  const [filters, setFilters] = useState(initial);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onApply({ ...filters, q: filters.q.trim() });
  };
  const periodOptions = [{ value: '', label: 'Every period' }, ...periods.map((p) => ({ value: String(p.id), label: p.name }))];
  const any = initial.q || initial.kind || initial.periodId;
  return (
    <form className="form" role="search" aria-label="Find past events" onSubmit={submit}>
      <div className="form-row">
        <TextField
          label="Search"
          type="search"
          value={filters.q}
          onChange={(q) => setFilters((f) => ({ ...f, q }))}
          maxLength={200}
          hint="Words from the title, the description or the host."
        />
        <SelectField label="Kind" value={filters.kind} options={KIND_OPTIONS} onChange={(kind) => setFilters((f) => ({ ...f, kind }))} />
        <SelectField
          label="Period"
          value={filters.periodId}
          options={periodOptions}
          onChange={(periodId) => setFilters((f) => ({ ...f, periodId }))}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {any ? (
          <Button variant="secondary" onClick={() => onApply({ q: '', kind: '', periodId: '' })}>
            Show everything
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** The chosen event, its recording playing in the page. */
function Chosen({ event, focus }: { event: EventView; focus: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [event.id, focus]);
  const when = whenIn(event, event.timeZone);
  return (
    <section className="card" aria-labelledby="archive-chosen">
      <h2 id="archive-chosen" ref={heading} tabIndex={-1}>
        {event.title}
      </h2>
      <p className="badges">
        <Badge tone="info">{EVENT_KIND_LABELS[event.kind]}</Badge>
        {event.periodName ? <Badge>{event.periodName}</Badge> : null}
      </p>
      <p className="muted">
        {when.date}, {when.time} ({zoneLabel(event.timeZone)} time){event.host ? ` · with ${event.host}` : ''}
      </p>
      <EventMediaView event={event} />
      {event.description ? <LinkedText text={event.description} /> : null}
    </section>
  );
}

/** Past forums and trainings with their recordings and slides, to watch again or catch up on. */
export function ArchivePage() {
  const [params, setParams] = useSearchParams();
  const filters: ArchiveFilters = { q: params.get('q') ?? '', kind: params.get('kind') ?? '', periodId: params.get('periodId') ?? '' };
  const chosenId = Number(params.get('event') ?? '0');
  const archive = useArchive(filters);
  const [picked, setPicked] = useState(false);
  const events = archive.data?.events ?? [];
  const chosen = events.find((e) => e.id === chosenId) ?? null;

  const linkTo = (id: number) => {
    const next = new URLSearchParams(params);
    next.set('event', String(id));
    return `?${next.toString()}`;
  };
  const apply = (next: ArchiveFilters) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    setParams(search);
  };
  const filterKey = `${filters.q}|${filters.kind}|${filters.periodId}`;

  return (
    <Page
      title="Archive"
      intro={<p>Missed a forum or want to watch a training again? Recordings and slides from past events are kept here.</p>}
    >
      <Card>
        <SearchForm key={filterKey} initial={filters} periods={archive.data?.periods ?? []} onApply={apply} />
      </Card>
      {chosen ? <Chosen event={chosen} focus={picked} /> : null}
      {archive.isPending ? <Loading label="Loading the archive…" /> : null}
      {archive.isError ? <LoadError error={archive.error} what="the archive" onRetry={() => void archive.refetch()} /> : null}
      {archive.data ? (
        <Card title={filters.q || filters.kind || filters.periodId ? 'What we found' : 'Past events'}>
          <p className="visually-hidden" role="status">
            {events.length === 1 ? '1 event found.' : `${events.length} events found.`}
          </p>
          {events.length === 0 ? (
            <p className="muted">
              {filters.q || filters.kind || filters.periodId
                ? 'Nothing matches that search. Try other words, or show everything.'
                : 'Nothing here yet. Once the program office adds a recording or slides to a past event, you’ll find it here.'}
            </p>
          ) : (
            <ul className="plain-list item-list">
              {events.map((e) => (
                <li key={e.id}>
                  <div className="item-row">
                    <div className="item-row__main">
                      <p className="item-title">
                        <strong>{e.title}</strong>
                      </p>
                      <p className="muted small">
                        {EVENT_KIND_LABELS[e.kind]} · {whenIn(e, e.timeZone).date}
                        {e.periodName ? ` · ${e.periodName}` : ''}
                        {e.recording ? ' · recording' : ''}
                        {e.slides ? ' · slides' : ''}
                      </p>
                    </div>
                    <div className="item-row__actions">
                      <Link
                        to={linkTo(e.id)}
                        className="button button--secondary button--small"
                        aria-current={e.id === chosenId ? 'true' : undefined}
                        onClick={() => setPicked(true)}
                      >
                        {e.recording ? 'Watch' : 'Open'}
                        <span className="visually-hidden">
                          {' '}
                          {e.recording ? 'the recording' : 'the slides'} of {e.title}
                        </span>
                      </Link>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </Page>
  );
}
