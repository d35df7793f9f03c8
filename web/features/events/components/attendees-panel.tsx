import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { EventView } from '../../../../src/shared/api/events.ts';
import { ATTENDEE_STATE_FILTERS } from '../../../../src/shared/api/events.ts';
import type { AttendeeStateFilter } from '../../../../src/shared/api/events.ts';
import { RSVP_LABELS } from '../../../../src/shared/events.ts';
import { eventAttendanceExportUrl } from '../../../../src/shared/exports.ts';
import { DownloadCsv } from '../../../components/download-csv.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ListSearchForm, SearchTextField, useSearchText } from '../../../components/ui/list-search-form.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { filtersToParams, isNarrowed, oneOf } from '../../../lib/list-filters.ts';
import { useAttendees } from '../api/get-attendees.ts';
import type { Attendee, AttendeeFilters } from '../api/get-attendees.ts';
import { useSaveAttendance } from '../api/save-attendance.ts';
import { AttendanceImport } from './attendance-import.tsx';
import { plural } from './event-words.ts';
import { LoadMore } from '../../../components/ui/load-more.tsx';

function answerText(a: Attendee): string {
  if (a.state === null) return 'No answer yet';
  if (a.state === 'waitlist' && a.waitlistPosition) return `${RSVP_LABELS.waitlist} (number ${a.waitlistPosition})`;
  return RSVP_LABELS[a.state];
}

/** The whole event's answers, whatever the list below is narrowed to. */
function Counts({ event }: { event: EventView }) {
  const c = event.counts;
  const parts = [plural(c.invited, 'person invited', 'people invited'), `${c.yes} going`, `${c.maybe} maybe`, `${c.no} not going`];
  if (c.waitlist > 0) parts.push(`${c.waitlist} on the waitlist`);
  if (event.capacity !== null) parts.push(`${plural(event.capacity, 'place', 'places')} in all`);
  if (event.phase === 'past' || event.phase === 'happening') parts.push(`${c.attended} came`);
  return <p>{parts.join(' · ')}</p>;
}

const hasStarted = (event: EventView) => event.phase === 'happening' || event.phase === 'past';

const CAME_CHOICES = ['true', 'false'] as const;

/** The list's state from the page's address; anything unknown there is ignored. */
function filtersFromParams(params: URLSearchParams): AttendeeFilters {
  const q = params.get('q')?.trim();
  const state = oneOf(ATTENDEE_STATE_FILTERS, params.get('state'));
  const attended = oneOf(CAME_CHOICES, params.get('attended'));
  return { ...(q ? { q } : {}), ...(state ? { state } : {}), ...(attended ? { attended } : {}) };
}

const STATE_LABELS: Record<AttendeeStateFilter, string> = { ...RSVP_LABELS, 'none-yet': 'No answer yet' };

/** Search by name or address; the choices apply at once, the text when the form is sent. */
function Filters({ event, filters, onChange }: { event: EventView; filters: AttendeeFilters; onChange: (next: AttendeeFilters) => void }) {
  const { q, setQ, apply, clearButton } = useSearchText(filters, onChange);
  const c = event.counts;
  const count: Record<AttendeeStateFilter, number> = {
    yes: c.yes,
    no: c.no,
    maybe: c.maybe,
    waitlist: c.waitlist,
    'none-yet': c.invited - c.yes - c.no - c.maybe - c.waitlist,
  };
  return (
    <ListSearchForm label="Find people invited" onSearch={() => apply({})} clear={clearButton('Show everyone invited', {})}>
      <SearchTextField value={q} onChange={setQ} />
      <SelectField
        label="Answer"
        value={filters.state ?? ''}
        options={[
          { value: '', label: 'Any answer' },
          ...ATTENDEE_STATE_FILTERS.map((value) => ({ value, label: `${STATE_LABELS[value]} (${count[value].toLocaleString('en-US')})` })),
        ]}
        onChange={(value) => apply({ state: oneOf(ATTENDEE_STATE_FILTERS, value) })}
      />
      {hasStarted(event) ? (
        <SelectField
          label="Came"
          value={filters.attended ?? ''}
          options={[
            { value: '', label: 'Came or not' },
            { value: 'true', label: 'Came' },
            { value: 'false', label: 'Not marked as came' },
          ]}
          onChange={(value) => apply({ attended: oneOf(CAME_CHOICES, value) })}
        />
      ) : null}
    </ListSearchForm>
  );
}

const people = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'person' : 'people'}`;

/**
 * Staff's view of who is invited, who answered what, and who came: searched and filtered, a page
 * at a time. Ticked boxes are kept by person until saved, across pages, searches and filters, and
 * only the boxes that changed are sent.
 */
export function AttendeesPanel({ event }: { event: EventView }) {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const filtered = isNarrowed(filters);
  const list = useAttendees(event.id, filters);
  const save = useSaveAttendance();
  const started = hasStarted(event);
  // The boxes ticked or unticked here and not saved yet, by person: whether they came.
  const [changes, setChanges] = useState<ReadonlyMap<number, boolean>>(new Map());
  const [saved, setSaved] = useState('');

  const first = list.data?.pages[0];
  const shown = list.data?.pages.flatMap((p) => p.attendees) ?? [];
  const total = first?.total ?? 0;
  const current = first?.event ?? event;
  const isTicked = (a: Attendee) => changes.get(a.userId) ?? a.attended ?? false;
  const shownIds = new Set(shown.map((a) => a.userId));
  const hidden = [...changes.keys()].filter((id) => !shownIds.has(id)).length;

  const tick = (a: Attendee, came: boolean) => {
    setSaved('');
    setChanges((old) => {
      const next = new Map(old);
      // Back to what was saved: no change to send.
      if (came === (a.attended ?? false)) next.delete(a.userId);
      else next.set(a.userId, came);
      return next;
    });
  };

  const submit = () => {
    setSaved('');
    if (changes.size === 0) {
      setSaved('Nothing has changed since the last save.');
      return;
    }
    save.mutate(
      { eventId: event.id, marks: [...changes].map(([userId, attended]) => ({ userId, attended })) },
      {
        onSuccess: (result) => {
          setChanges(new Map());
          setSaved(`Attendance saved: ${plural(result.counts.attended, 'person', 'people')} came.`);
        },
      },
    );
  };

  return (
    <>
      <Card
        title="People invited"
        actions={<DownloadCsv url={(bom) => eventAttendanceExportUrl(event.id, bom)} what="of the people invited" />}
      >
        <Counts event={current} />
        {current.counts.invited === 0 ? (
          <p className="muted">Nobody is invited: the audience has nobody in it yet.</p>
        ) : (
          <>
            <Filters key={params.toString()} event={current} filters={filters} onChange={(next) => setParams(filtersToParams(next))} />
            {!started ? <p className="muted">You can mark who came once the event has started.</p> : null}
            {list.isPending ? <Loading label="Loading the people invited…" /> : null}
            {list.isError && shown.length === 0 ? (
              <LoadError error={list.error} what="the people invited" onRetry={() => void list.refetch()} />
            ) : null}
            {first && !list.isPlaceholderData ? (
              <p role="status" className="muted small">
                {shown.length === 0
                  ? filtered
                    ? 'Nobody invited fits this search.'
                    : 'Nobody is invited.'
                  : `Showing ${shown.length.toLocaleString('en-US')} of ${people(total)}${filtered ? ' matching this search' : ' invited'}.`}
              </p>
            ) : null}
            {list.isPlaceholderData ? <Loading label="Loading the people invited…" /> : null}
            {shown.length > 0 ? (
              <TableWrap label="People invited">
                <table className="table--cards" aria-busy={list.isPlaceholderData || undefined}>
                  <caption className="visually-hidden">
                    People invited and their answers, {filters.state === 'waitlist' ? 'first in line first' : 'by name'}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">E-mail address</th>
                      <th scope="col">Answer</th>
                      <th scope="col">Came</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((a) => (
                      <tr key={a.userId}>
                        <th scope="row">{a.name}</th>
                        {/* A long address wraps rather than widening a card on a phone. */}
                        <td data-label="E-mail address" style={{ overflowWrap: 'anywhere' }}>
                          {a.email}
                        </td>
                        <td data-label="Answer">{answerText(a)}</td>
                        <td data-label="Came">
                          <label className="choice">
                            <input
                              type="checkbox"
                              checked={isTicked(a)}
                              disabled={!started || save.isPending}
                              onChange={(e) => tick(a, e.target.checked)}
                            />
                            <span className="visually-hidden">{a.name} came</span>
                          </label>{' '}
                          {a.attendanceSource === 'import' && !changes.has(a.userId) ? (
                            <span className="muted small">from the report</span>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            ) : null}
            <LoadMore list={list} label="Load more people" />
            {started ? (
              <div className="form-actions">
                <Button busy={save.isPending} onClick={submit}>
                  Save attendance
                </Button>
                {changes.size > 0 ? (
                  <span className="muted small">
                    {plural(changes.size, 'change', 'changes')} not saved yet
                    {hidden > 0 ? ` (${hidden} of them not in the list as it is shown now)` : ''}
                  </span>
                ) : null}
              </div>
            ) : null}
            {save.isError ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
            {saved ? <Alert tone="success">{saved}</Alert> : null}
          </>
        )}
      </Card>
      {started ? <AttendanceImport eventId={event.id} /> : null}
    </>
  );
}
