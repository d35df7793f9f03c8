import { SECTION_HISTORY_SHOWN } from '../../../../src/shared/reports.ts';
import { useState } from 'react';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { useSectionHistory } from '../api/get-section-history.ts';

/** A section's newest saved versions, newest first, opened on request. */
export function SectionHistory({ reportId, sectionId }: { reportId: number; sectionId: number }) {
  const [open, setOpen] = useState(false);
  const history = useSectionHistory(reportId, sectionId, open);
  return (
    <details className="report-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>History of this section</summary>
      {open && history.isPending ? <Loading label="Loading the history…" /> : null}
      {history.isError ? <LoadError error={history.error} what="the history" onRetry={() => void history.refetch()} /> : null}
      {history.data?.length === 0 ? <p className="muted">Not saved yet.</p> : null}
      {history.data && history.data.length > 0 ? (
        <ol className="plain-list report-history__list">
          {history.data.map((v) => (
            <li key={v.revision}>
              Version {v.revision}, “{v.title}”: saved {formatInstant(v.savedAt)}
              {v.savedByName ? ` by ${v.savedByName}` : ''}
            </li>
          ))}
        </ol>
      ) : null}
      {history.data && history.data.length >= SECTION_HISTORY_SHOWN ? (
        <p className="small muted">The latest {SECTION_HISTORY_SHOWN} saves are listed; earlier ones are kept too.</p>
      ) : null}
    </details>
  );
}
