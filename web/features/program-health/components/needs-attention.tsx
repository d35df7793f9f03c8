import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { RISK_TONE } from '../../../lib/risk-tones.ts';
import type { ProgramHealth } from '../api/get-program-health.ts';
import { CheckInAction, MarkHandledAction } from './check-in-actions.tsx';
import { mailtoBoth } from './health-words.ts';

/** The matches that need a nudge, highest risk first, each with why and the ways to act. */
export function NeedsAttention({ health }: { health: ProgramHealth }) {
  const others = health.matchesWithoutConcerns;
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
          <p className="muted small">
            {health.matches.length < health.totals.needingAttention
              ? `The ${health.matches.length} most at risk of ${health.totals.needingAttention}, highest risk first: as these are handled, the next ones show up here.`
              : 'Highest risk first.'}{' '}
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
        </>
      )}
      {rest}
    </Card>
  );
}
