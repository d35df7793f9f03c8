import type { z } from 'zod';
import type { runSummarySchema } from '../../../../src/shared/api/matching.ts';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatScore } from './criteria.ts';

type Summary = z.output<typeof runSummarySchema>;

/** This proposal's numbers beside the previous run's, so a re-run can be judged at a glance. */
export function SummaryCompare({ current, previous }: { current: Summary; previous: Summary | null }) {
  const rows: { label: string; now: string; before: string }[] = [
    { label: 'Mentees matched', now: String(current.matched), before: previous ? String(previous.matched) : '—' },
    { label: 'Mentees not matched', now: String(current.unmatched), before: previous ? String(previous.unmatched) : '—' },
    { label: 'Average score', now: formatScore(current.meanScore), before: previous ? formatScore(previous.meanScore) : '—' },
    { label: 'Lowest score', now: formatScore(current.worstScore), before: previous ? formatScore(previous.worstScore) : '—' },
    { label: 'Total score', now: formatScore(current.total), before: previous ? formatScore(previous.total) : '—' },
  ];
  return (
    <TableWrap label="Summary">
      <table>
        <caption className="visually-hidden">Summary of this proposal and the previous run</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">This proposal</th>
            <th scope="col">Previous run</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.now}</td>
              <td>{r.before}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
