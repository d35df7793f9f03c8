import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { RISK_TONE } from '../../../lib/risk-tones.ts';
import { HEALTH_LIST_MAX, HEALTH_PAGE } from '../api/get-program-health.ts';
import type { ProgramHealth } from '../api/get-program-health.ts';
import { CheckInAction, MarkHandledAction } from './check-in-actions.tsx';
import { mailtoBoth } from './health-words.ts';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The matches that need a nudge, highest risk first, each with why and the ways to act: a
 * screenful at first, more on asking (`onShowMore` with how many more), up to the answer's cap.
 */
export function NeedsAttention({
  health,
  loadingMore,
  onShowMore,
}: {
  health: ProgramHealth;
  loadingMore: boolean;
  onShowMore: (more: number) => void;
}) {
  const others = health.matchesWithoutConcerns;
  const needing = health.totals.needingAttention;
  const listed = health.matches.length;
  const more = Math.min(HEALTH_PAGE, Math.min(needing, HEALTH_LIST_MAX) - listed);
  const rest =
    others === 0 ? null : (
      <p className="muted">
        {others === 1 ? '1 other active match has' : `${others} other active matches have`} nothing to worry about right now.
      </p>
    );
  return (
    <Card title={`Needs attention (${health.totals.needingAttention})`}>
      {health.totals.activeMatches === 0 ? (
        <p>This period has no active matches yet. Once matches are approved, the ones that need a nudge show up here.</p>
      ) : health.matches.length === 0 ? (
        <p>
          Every match is on track: no overdue goal sheets, no quiet pairs and no re-match windows closing on a pair that has hardly talked.
        </p>
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {listed < needing ? `The ${count(listed)} most at risk of ${count(needing)}, highest risk first.` : 'Highest risk first.'}{' '}
            {listed < needing && more <= 0 ? 'As these are handled, the next ones show up here. ' : null}
            Dates are in the program’s time zone.
          </p>
          <TableWrap label="Matches that need attention">
            <table className="health-table table--cards">
              <caption className="visually-hidden">Matches that need attention, highest risk first</caption>
              <thead>
                <tr>
                  <th scope="col">Mentee</th>
                  <th scope="col">Mentor</th>
                  <th scope="col">Why</th>
                  <th scope="col">Last contact</th>
                  <th scope="col">Liaison</th>
                  <th scope="col">Act</th>
                </tr>
              </thead>
              <tbody>
                {health.matches.map((m) => {
                  const pair = `${m.mentee.name} and ${m.mentor.name}`;
                  const has = (code: string) => m.reasons.some((r) => r.code === code);
                  return (
                    <tr key={m.matchId}>
                      <th scope="row">{m.mentee.name}</th>
                      <td data-label="Mentor">{m.mentor.name}</td>
                      <td className="cell-details" data-label="Why">
                        <ul className="plain-list health-reasons">
                          {m.reasons.map((r) => (
                            <li key={r.code}>
                              <Badge tone={RISK_TONE[r.code]}>{r.label}</Badge> <span className="small">{r.text}.</span>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="nowrap" data-label="Last contact">
                        {m.lastContactOn ? formatDate(m.lastContactOn) : 'None yet'}
                      </td>
                      <td data-label="Liaison">{m.liaison ? m.liaison.name : <span className="muted">None</span>}</td>
                      <td data-label="Act">
                        <ul className="plain-list health-actions">
                          <li>
                            <Link to={m.links.goalSheet}>
                              Goal sheet<span className="visually-hidden">: {pair}</span>
                            </Link>
                          </li>
                          <li>
                            <Link to={m.links.match}>
                              Match<span className="visually-hidden">: {pair}</span>
                            </Link>
                          </li>
                          <li>
                            <a href={mailtoBoth(m.mentee.email, m.mentor.email)}>
                              E-mail both<span className="visually-hidden">: {pair}</span>
                            </a>
                          </li>
                          {has('check_in_talk') ? (
                            <li>
                              <MarkHandledAction match={m} />
                            </li>
                          ) : null}
                          {has('guarantee_closing') ? (
                            <li>
                              <CheckInAction match={m} />
                            </li>
                          ) : null}
                        </ul>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          {more > 0 ? (
            // Not disabled while the longer list loads: the button keeps the keyboard focus.
            <Button variant="secondary" aria-busy={loadingMore || undefined} onClick={() => loadingMore || onShowMore(more)}>
              Show {more} more<span className="visually-hidden"> matches that need attention</span>
            </Button>
          ) : null}
        </>
      )}
      {rest}
    </Card>
  );
}
