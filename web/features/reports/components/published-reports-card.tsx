import { Card } from '../../../components/ui/card.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { usePublishedReports } from '../api/get-published-reports.ts';
import { reportHtmlUrl, reportPdfUrl } from '../api/report-keys.ts';

/**
 * On the home page of mentors, mentees and the committee: the advisory task force's annual
 * reports shared with them, to read on the web or download. Nothing while there are none.
 */
export function PublishedReportsCard() {
  const reports = usePublishedReports();
  const list = reports.data ?? [];
  if (list.length === 0) return null;
  return (
    <Card title={list.length === 1 ? 'The program’s annual report' : 'The program’s annual reports'}>
      <p>Each year the advisory task force looks back on the program, with its numbers and what participants said in the surveys.</p>
      <ul className="plain-list link-list">
        {list.map((r) => (
          <li key={r.id}>
            <a href={reportHtmlUrl(r.id)}>{r.title}</a>
            <span className="muted">
              {' '}
              — {r.periodName}
              {r.publishedAt ? `, published ${formatInstant(r.publishedAt)}` : ''} ·{' '}
            </span>
            <a href={reportPdfUrl(r.id)} download>
              PDF<span className="visually-hidden">: {r.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}
