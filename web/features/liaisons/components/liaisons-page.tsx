import { Link, useSearchParams } from 'react-router';
import { defaultPeriodId } from '../../../../src/shared/default-period.ts';
import { PERIOD_STATUS_LABELS } from '../../../../src/shared/period-status.ts';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { usePeriods } from '../../../lib/reads/periods.ts';
import { usePeriodLiaisons } from '../api/get-period-liaisons.ts';
import type { PeriodLiaisons } from '../api/get-period-liaisons.ts';
import { LiaisonChoice } from './liaison-choice.tsx';
import { SpreadForm } from './spread-form.tsx';

const INTRO =
  'A liaison is a member of the matching committee who looks after a pair: they see how it is going, hear on Mondays when it needs attention, and the pair see them as a contact.';

function MatchesTable({ data }: { data: PeriodLiaisons }) {
  const without = data.matches.filter((m) => m.liaison === null).length;
  return (
    <Card title={`Active matches (${data.matches.length})`}>
      {data.matches.length === 0 ? (
        <p>This period has no active matches. Once matches are approved, you can give each pair a liaison here.</p>
      ) : (
        <>
          <p className="muted small">
            {without === 0 ? 'Every active match has a liaison.' : `${without} of ${data.matches.length} without a liaison.`} Each new
            liaison gets an e-mail about their pairs.
          </p>
          <TableWrap label="Active matches and their liaisons">
            <table className="table--cards">
              <caption className="visually-hidden">Active matches and their liaisons</caption>
              <thead>
                <tr>
                  <th scope="col">Mentee</th>
                  <th scope="col">Mentor</th>
                  <th scope="col">Liaison</th>
                </tr>
              </thead>
              <tbody>
                {data.matches.map((m) => (
                  <tr key={m.matchId}>
                    <th scope="row">{m.mentee.name}</th>
                    <td data-label="Mentor">{m.mentor.name}</td>
                    <td data-label="Liaison">
                      <LiaisonChoice match={m} committee={data.committee} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </Card>
  );
}

/** Staff: who looks after each pair of a period, one by one or spread evenly. The period is in the address (?period=3). */
export function LiaisonsPage() {
  const periods = usePeriods();
  const [params, setParams] = useSearchParams();
  const list = periods.data ?? [];
  const asked = Number(params.get('period'));
  const periodId = list.some((p) => p.id === asked) ? asked : defaultPeriodId(list);
  const liaisons = usePeriodLiaisons(periodId);
  const before = (
    <p className="breadcrumb">
      <Link to={periodId === null ? '/health' : `/health?period=${periodId}`}>← Program health</Link>
    </p>
  );

  if (periods.isError) {
    return (
      <Page title="Liaisons" before={before} intro={<p>{INTRO}</p>}>
        <LoadError error={periods.error} what="the periods" onRetry={() => void periods.refetch()} />
      </Page>
    );
  }
  if (periods.isPending) {
    return (
      <Page title="Liaisons" before={before} intro={<p>{INTRO}</p>}>
        <Loading label="Loading the periods…" />
      </Page>
    );
  }
  if (periodId === null) {
    return (
      <Page title="Liaisons" before={before} intro={<p>{INTRO}</p>}>
        <p>
          There are no periods yet. <Link to="/periods">Set up a program year</Link> and approve its matches; then give each pair a liaison
          here.
        </p>
      </Page>
    );
  }

  const shown = liaisons.data && liaisons.data.period.id === periodId ? liaisons.data : undefined;
  return (
    <Page title="Liaisons" before={before} intro={<p>{INTRO}</p>}>
      <div className="health-period">
        <SelectField
          label="Period"
          value={String(periodId)}
          options={list.map((p) => ({ value: String(p.id), label: `${p.name} (${PERIOD_STATUS_LABELS[p.status]})` }))}
          onChange={(v) => setParams({ period: v }, { replace: true })}
        />
      </div>
      {liaisons.isError ? <LoadError error={liaisons.error} what="this period’s liaisons" onRetry={() => void liaisons.refetch()} /> : null}
      {!shown && !liaisons.isError ? <Loading label="Loading the matches…" /> : null}
      {shown ? (
        <div aria-busy={liaisons.isFetching || undefined} className="stack">
          <SpreadForm key={shown.period.id} data={shown} />
          <MatchesTable data={shown} />
        </div>
      ) : null}
    </Page>
  );
}
