import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { mailtoBoth, RISK_TONE } from '../../../lib/risk-tones.ts';
import { useMyLiaisonMatches } from '../api/get-my-liaison-matches.ts';
import type { LiaisonMatch } from '../api/get-my-liaison-matches.ts';

const INTRO =
  'The pairs you look after as their liaison, the ones that need attention first. A short friendly note now and then is all it takes; the program office handles goal sheets and re-matches.';

function PairRow({ m }: { m: LiaisonMatch }) {
  const pair = `${m.mentee.name} and ${m.mentor.name}`;
  return (
    <tr>
      <th scope="row">
        {m.mentee.name}
        <p className="small muted">{m.periodName}</p>
      </th>
      <td data-label="Mentor">{m.mentor.name}</td>
      <td className="cell-details" data-label="How it’s going">
        {m.reasons.length === 0 ? (
          <Badge tone="success">On track</Badge>
        ) : (
          <ul className="plain-list health-reasons">
            {m.reasons.map((r) => (
              <li key={r.code}>
                <Badge tone={RISK_TONE[r.code]}>{r.label}</Badge> <span className="small">{r.text}.</span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="nowrap" data-label="Last contact">
        {m.lastContactOn ? formatDate(m.lastContactOn) : 'None yet'}
      </td>
      <td data-label="Get in touch">
        <a href={mailtoBoth(m.mentee.email, m.mentor.email)}>
          E-mail both<span className="visually-hidden">: {pair}</span>
        </a>
      </td>
    </tr>
  );
}

/** A committee member's pairs as liaison: only their own, with program health's reasons. */
export function MyPairsPage() {
  const mine = useMyLiaisonMatches();
  if (mine.isError) {
    return (
      <Page title="Your pairs" intro={<p>{INTRO}</p>}>
        <LoadError error={mine.error} what="your pairs" onRetry={() => void mine.refetch()} />
      </Page>
    );
  }
  if (!mine.data) {
    return (
      <Page title="Your pairs" intro={<p>{INTRO}</p>}>
        <Loading label="Loading your pairs…" />
      </Page>
    );
  }
  const { matches, today, timeZone } = mine.data;
  const needing = matches.filter((m) => m.reasons.length > 0).length;
  return (
    <Page title="Your pairs" intro={<p>{INTRO}</p>}>
      <Card title={`Pairs you look after (${matches.length})`}>
        {matches.length === 0 ? (
          <p>
            No pairs are assigned to you yet. When the program office makes you a pair’s liaison, you’ll get an e-mail and the pair shows up
            here.
          </p>
        ) : (
          <>
            <p className="muted small">
              {needing === 0 ? 'All your pairs are on track.' : `${needing} of ${matches.length} need attention.`} As of {formatDate(today)}
              , in the program’s time zone ({timeZone.replaceAll('_', ' ')}).
            </p>
            <TableWrap label="Pairs you look after">
              <table className="health-table table--cards">
                <caption className="visually-hidden">Pairs you look after, those needing attention first</caption>
                <thead>
                  <tr>
                    <th scope="col">Mentee</th>
                    <th scope="col">Mentor</th>
                    <th scope="col">How it’s going</th>
                    <th scope="col">Last contact</th>
                    <th scope="col">Get in touch</th>
                  </tr>
                </thead>
                <tbody>
                  {matches.map((m) => (
                    <PairRow key={m.matchId} m={m} />
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </Card>
    </Page>
  );
}
