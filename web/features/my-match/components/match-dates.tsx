import type { WorkspaceSheetState } from '../../../../src/shared/api/workspace.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import type { MatchWorkspace } from '../api/get-match-workspace.ts';
import { countdownWords, goalSheetCountsDown, zoneCity } from './countdown-words.ts';

const SHEET: Record<WorkspaceSheetState, { label: string; tone: 'neutral' | 'info' | 'success' | 'warning' }> = {
  not_started: { label: 'Not started', tone: 'neutral' },
  draft: { label: 'Draft', tone: 'info' },
  submitted: { label: 'Sent to the program office', tone: 'info' },
  returned: { label: 'Returned for changes', tone: 'warning' },
  acknowledged: { label: 'Acknowledged', tone: 'success' },
};

function Day({ on, daysLeft, countdown = true }: { on: string; daysLeft: number; countdown?: boolean }) {
  return (
    <>
      <time dateTime={on}>{formatDate(on)}</time>
      {countdown ? (
        <>
          {' '}
          <span className="match-dates__countdown">({countdownWords(daysLeft)})</span>
        </>
      ) : null}
    </>
  );
}

/** The goal sheet's deadline, the end of the re-match window and the program's last day, with countdowns. */
export function MatchDates({ workspace: w }: { workspace: MatchWorkspace }) {
  const d = w.dates;
  const staff = w.myRole === 'staff';
  const sheet = SHEET[d.goalSheet.status];
  const sent = !goalSheetCountsDown(d.goalSheet.status);
  const late = !sent && d.goalSheet.daysLeft < 0;
  return (
    <Card title="Dates that matter">
      <p className="muted small">
        Dates are in the program’s time zone ({zoneCity(d.timeZone)}). Matched on {formatDate(d.matchedOn)}.
      </p>
      <dl className="dl match-dates">
        <dt>Goal sheet due</dt>
        <dd>
          <Day on={d.goalSheet.on} daysLeft={d.goalSheet.daysLeft} countdown={!sent} /> <Badge tone={sheet.tone}>{sheet.label}</Badge>
          {late ? (
            <>
              {' '}
              <Badge tone="danger">Overdue</Badge>
            </>
          ) : null}
          <p className="small muted match-dates__note">
            {sent
              ? 'The program office has the goal sheet.'
              : staff
                ? 'The pair agrees on their goals and sends the sheet to the program office by this date.'
                : 'Agree on your goals together and send the sheet to the program office by this date.'}
          </p>
        </dd>
        {d.guaranteeCloses ? (
          <>
            <dt>Re-match window closes</dt>
            <dd>
              <Day on={d.guaranteeCloses.on} daysLeft={d.guaranteeCloses.daysLeft} />
              <p className="small muted match-dates__note">
                {d.guaranteeCloses.daysLeft < 0
                  ? 'The window for asking for a new partner has closed.'
                  : staff
                    ? 'Until then either of them may ask for a new partner.'
                    : 'If the match doesn’t feel right, either of you may ask the program office for a new partner until then. Only the program office sees why.'}
              </p>
            </dd>
          </>
        ) : null}
        <dt>Program ends</dt>
        <dd>
          <Day on={d.programEnds.on} daysLeft={d.programEnds.daysLeft} />
        </dd>
      </dl>
    </Card>
  );
}
