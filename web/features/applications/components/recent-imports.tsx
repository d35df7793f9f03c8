import { RECENT_IMPORTS } from '../../../../src/shared/api/application-imports.ts';
import type { ImportMode } from '../../../../src/shared/api/application-imports.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { usePeriodImports } from '../api/get-period-imports.ts';
import type { ApplicationImportSummary } from '../api/get-period-imports.ts';

const WHAT: Record<ImportMode, string> = {
  preview: 'Check',
  'all-or-nothing': 'Import (all or nothing)',
  'good-rows': 'Import (good rows only)',
};

const count = (n: number) => n.toLocaleString('en-US');

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${count(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${count(Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** How an import went, in words: running (and how far), what it found or wrote, or why it stopped. */
export function importOutcome(i: ApplicationImportSummary): string {
  if (i.status === 'running') {
    const p = i.progress;
    if (!p || p.total === 0) return 'Running';
    const share = Math.floor((100 * p.done) / p.total);
    return `Running: ${p.step === 'reading' ? 'checking the rows' : 'writing'}, ${share} %`;
  }
  if (i.status === 'failed') return `Stopped: ${i.error?.message ?? 'no reason was given.'}`;
  const missing = i.unmapped?.length ?? 0;
  if (missing > 0) return `Columns to match first: ${missing} required ${missing === 1 ? 'field' : 'fields'} had none`;
  const c = i.counts;
  if (!c) return 'Done';
  const problems = c.bad === 0 ? '' : `, ${count(c.bad)} with problems`;
  if (i.mode === 'preview') return `${count(c.total)} ${c.total === 1 ? 'row' : 'rows'}: ${count(c.good)} good${problems}`;
  if (c.imported === 0) return `Nothing imported${problems}`;
  return `${count(c.imported)} imported${c.bad === 0 ? '' : `, ${count(c.bad)} left out`}`;
}

const TONE = { running: 'info', done: 'success', failed: 'danger' } as const;
const STATUS = { running: 'Running', done: 'Done', failed: 'Stopped' } as const;

/**
 * The period's latest checks and imports, whoever sent them: what to look back on after leaving
 * the page during an import, or to see that a colleague has already brought a file in.
 */
export function RecentImports({ periodId }: { periodId: number }) {
  const imports = usePeriodImports(periodId);
  return (
    <Card title="Recent checks and imports">
      {imports.isPending ? <Loading label="Loading the recent imports…" /> : null}
      {imports.isError ? <LoadError error={imports.error} what="the recent imports" onRetry={() => void imports.refetch()} /> : null}
      {imports.data?.length === 0 ? <p>No file has been checked or imported for this period yet.</p> : null}
      {imports.data && imports.data.length > 0 ? (
        <>
          <p className="muted small">
            This period’s latest {RECENT_IMPORTS} at most, newest first, whoever sent them. Each is kept for 90 days.
          </p>
          <TableWrap label="Recent checks and imports">
            <table>
              <caption className="visually-hidden">Recent checks and imports of applications for this period</caption>
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">By</th>
                  <th scope="col">What</th>
                  <th scope="col">File</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {imports.data.map((i) => (
                  <tr key={i.id}>
                    <th scope="row" className="nowrap">
                      {formatInstant(i.createdAt)}
                    </th>
                    <td>{i.createdBy?.name ?? <span className="muted">Someone no longer here</span>}</td>
                    <td>{WHAT[i.mode]}</td>
                    <td className="nowrap">{fileSize(i.fileBytes)}</td>
                    <td>
                      <Badge tone={TONE[i.status]}>{STATUS[i.status]}</Badge> <span className="small">{importOutcome(i)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
    </Card>
  );
}
