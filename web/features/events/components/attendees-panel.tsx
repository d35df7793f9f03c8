import { useState } from 'react';
import type { EventView } from '../../../../src/shared/api/events.ts';
import { RSVP_LABELS } from '../../../../src/shared/events.ts';
import { eventAttendanceExportUrl } from '../../../../src/shared/exports.ts';
import { DownloadCsv } from '../../../components/download-csv.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useAttendees } from '../api/get-attendees.ts';
import type { Attendee } from '../api/get-attendees.ts';
import { useSaveAttendance } from '../api/save-attendance.ts';
import { AttendanceImport } from './attendance-import.tsx';
import { plural } from './event-words.ts';

function answerText(a: Attendee): string {
  if (a.state === null) return 'No answer yet';
  if (a.state === 'waitlist' && a.waitlistPosition) return `${RSVP_LABELS.waitlist} (number ${a.waitlistPosition})`;
  return RSVP_LABELS[a.state];
}

function Counts({ event }: { event: EventView }) {
  const c = event.counts;
  const parts = [plural(c.invited, 'person invited', 'people invited'), `${c.yes} going`, `${c.maybe} maybe`, `${c.no} not going`];
  if (c.waitlist > 0) parts.push(`${c.waitlist} on the waitlist`);
  if (event.capacity !== null) parts.push(`${plural(event.capacity, 'place', 'places')} in all`);
  if (event.phase === 'past' || event.phase === 'happening') parts.push(`${c.attended} came`);
  return <p>{parts.join(' · ')}</p>;
}

/** The table of everyone invited; once the event has started, staff tick who came and save. */
function AttendanceTable({ event, attendees }: { event: EventView; attendees: Attendee[] }) {
  const save = useSaveAttendance();
  const started = event.phase === 'happening' || event.phase === 'past';
  // Only the boxes changed here; everything else follows the server's list.
  const [ticked, setTicked] = useState<Record<number, boolean>>({});
  const [saved, setSaved] = useState('');
  const isTicked = (a: Attendee) => ticked[a.userId] ?? a.attended ?? false;
  const changes = attendees.filter((a) => a.userId in ticked && ticked[a.userId] !== (a.attended ?? false));

  const submit = () => {
    setSaved('');
    if (changes.length === 0) {
      setSaved('Nothing has changed since the last save.');
      return;
    }
    save.mutate(
      { eventId: event.id, marks: changes.map((a) => ({ userId: a.userId, attended: isTicked(a) })) },
      {
        onSuccess: (result) => {
          setTicked({});
          setSaved(`Attendance saved: ${plural(result.counts.attended, 'person', 'people')} came.`);
        },
      },
    );
  };

  return (
    <>
      {!started ? <p className="muted">You can mark who came once the event has started.</p> : null}
      <TableWrap label="People invited">
        <table>
          <caption className="visually-hidden">People invited and their answers</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail address</th>
              <th scope="col">Answer</th>
              <th scope="col">Came</th>
            </tr>
          </thead>
          <tbody>
            {attendees.map((a) => (
              <tr key={a.userId}>
                <th scope="row">{a.name}</th>
                <td>{a.email}</td>
                <td>{answerText(a)}</td>
                <td>
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={isTicked(a)}
                      disabled={!started || save.isPending}
                      onChange={(e) => setTicked((t) => ({ ...t, [a.userId]: e.target.checked }))}
                    />
                    <span className="visually-hidden">{a.name} came</span>
                  </label>{' '}
                  {a.attendanceSource === 'import' && !(a.userId in ticked) ? <span className="muted small">from the report</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {started ? (
        <div className="form-actions">
          <Button busy={save.isPending} onClick={submit}>
            Save attendance
          </Button>
          {changes.length > 0 ? <span className="muted small">{plural(changes.length, 'change', 'changes')} not saved yet</span> : null}
        </div>
      ) : null}
      {save.isError ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
    </>
  );
}

/** Staff's view of who is invited, who answered what, and who came. */
export function AttendeesPanel({ event }: { event: EventView }) {
  const list = useAttendees(event.id);
  const started = event.phase === 'happening' || event.phase === 'past';
  return (
    <>
      <Card
        title="People invited"
        actions={<DownloadCsv url={(bom) => eventAttendanceExportUrl(event.id, bom)} what="of the people invited" />}
      >
        <Counts event={list.data?.event ?? event} />
        {list.isPending ? <Loading label="Loading the people invited…" /> : null}
        {list.isError ? <LoadError error={list.error} what="the people invited" onRetry={() => void list.refetch()} /> : null}
        {list.data && list.data.attendees.length === 0 ? (
          <p className="muted">Nobody is invited: the audience has nobody in it yet.</p>
        ) : null}
        {list.data && list.data.attendees.length > 0 ? <AttendanceTable event={list.data.event} attendees={list.data.attendees} /> : null}
      </Card>
      {started ? <AttendanceImport eventId={event.id} /> : null}
    </>
  );
}
