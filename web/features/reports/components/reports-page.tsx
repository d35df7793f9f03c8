import { Link } from 'react-router';
import { REPORT_VISIBILITY_LABELS } from '../../../../src/shared/reports.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { useReports } from '../api/get-reports.ts';
import { reportHtmlUrl, reportPdfUrl } from '../api/report-keys.ts';
import { STATUS_LABELS, STATUS_TONES, VISIBILITY_BADGES } from './report-words.ts';
import { StartReportForm } from './start-report-form.tsx';

/** The annual reports, newest first: drafts to keep writing and published ones to read or build on. */
export function ReportsPage() {
  const list = useReports();
  const reports = [...(list.data ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <Page
      title="Annual reports"
      intro={
        <p>
          The task force’s report on each year of the program, written together here. Charts in a draft show the latest numbers; when the
          report is published they are frozen and it becomes a PDF and a web page.
        </p>
      }
    >
      {list.isPending ? <Loading label="Loading the reports…" /> : null}
      {list.isError ? <LoadError error={list.error} what="the reports" onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <Card title="Reports">
            {reports.length === 0 ? (
              <p className="muted">No report yet. Start the first one below.</p>
            ) : (
              <TableWrap label="Annual reports">
                <table className="table--cards">
                  <caption className="visually-hidden">Annual reports</caption>
                  <thead>
                    <tr>
                      <th scope="col">Report</th>
                      <th scope="col">Period</th>
                      <th scope="col">Status</th>
                      <th scope="col">Read it</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reports.map((r) => (
                      <tr key={r.id}>
                        <th scope="row">
                          <Link to={`/reports/${r.id}`}>{r.title}</Link>
                          <br />
                          <span className="muted small report-list__when">
                            {r.publishedAt ? `Published ${formatInstant(r.publishedAt)}` : `Last changed ${formatInstant(r.updatedAt)}`}
                          </span>
                        </th>
                        <td data-label="Period">{r.periodName}</td>
                        <td data-label="Status">
                          <span className="badges">
                            <Badge tone={STATUS_TONES[r.status]}>{STATUS_LABELS[r.status]}</Badge>{' '}
                            <span title={REPORT_VISIBILITY_LABELS[r.visibility]}>
                              <Badge tone="info">
                                <span className="visually-hidden">Readers: </span>
                                {VISIBILITY_BADGES[r.visibility]}
                              </Badge>
                            </span>
                          </span>
                        </td>
                        <td data-label="Read it">
                          {r.status === 'published' ? (
                            <span className="report-links">
                              <a href={reportPdfUrl(r.id)} download>
                                PDF<span className="visually-hidden"> of {r.title}</span>
                              </a>{' '}
                              <a href={reportHtmlUrl(r.id)}>
                                Web page<span className="visually-hidden"> of {r.title}</span>
                              </a>
                            </span>
                          ) : (
                            <span className="muted">Once published</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </Card>
          <StartReportForm published={reports.filter((r) => r.status === 'published')} />
        </>
      ) : null}
    </Page>
  );
}
