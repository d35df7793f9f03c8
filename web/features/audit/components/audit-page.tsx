import { Button } from '../../../components/ui/button.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import { useAudit } from '../api/get-audit.ts';
import { describeAction, describeDetails, describeEntity } from './audit-action.ts';

export function AuditPage() {
  const audit = useAudit();
  const entries = audit.data?.pages.flat() ?? [];

  return (
    <Page
      title="Audit log"
      intro={
        <p>A record of changes made by staff and the matching committee: who did what, and when. Entries can’t be edited or removed.</p>
      }
    >
      {audit.isPending ? <Loading label="Loading the audit log…" /> : null}
      {audit.isError && entries.length === 0 ? (
        <LoadError error={audit.error} what="the audit log" onRetry={() => void audit.refetch()} />
      ) : null}
      {audit.isSuccess && entries.length === 0 ? <p>Nothing has been recorded yet.</p> : null}
      {entries.length > 0 ? (
        <>
          <TableWrap label="Audit log entries">
            <table>
              <caption className="visually-hidden">Audit log entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Record</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <th scope="row" className="nowrap">
                      {formatInstant(e.createdAt)}
                    </th>
                    <td>{e.actorName ?? <span className="muted">System</span>}</td>
                    <td>{describeAction(e.action)}</td>
                    <td>
                      {describeEntity(e.entityType)}
                      {e.entityId ? ` #${e.entityId}` : ''}
                    </td>
                    <td className="small cell-details">{describeDetails(e.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p className="muted small" role="status">
            Showing {entries.length} {entries.length === 1 ? 'entry' : 'entries'}.
          </p>
          {audit.isFetchNextPageError ? <Alert tone="error">{errorMessage(audit.error)}</Alert> : null}
          {audit.hasNextPage ? (
            <Button variant="secondary" busy={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
              Show older entries
            </Button>
          ) : (
            <p className="muted small">That’s everything: you’ve reached the first entry.</p>
          )}
        </>
      ) : null}
    </Page>
  );
}
