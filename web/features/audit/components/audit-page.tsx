import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import { useAudit } from '../api/get-audit.ts';
import type { AuditFilters } from '../api/get-audit.ts';
import { describeAction, describeDetails, describeRecord } from './audit-action.ts';
import { ListSearchForm } from '../../../components/ui/list-search-form.tsx';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The search, who, what and days from the page's address; a malformed day there is ignored. */
function filtersFromParams(params: URLSearchParams): AuditFilters {
  const q = params.get('q')?.trim();
  const actor = params.get('actor')?.trim();
  const action = params.get('action')?.trim();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const range = DAY.test(from) && DAY.test(to) && from > to ? {} : { ...(DAY.test(from) ? { from } : {}), ...(DAY.test(to) ? { to } : {}) };
  return { ...(q ? { q } : {}), ...(actor ? { actor } : {}), ...(action ? { action } : {}), ...range };
}

const toParams = (f: AuditFilters): Record<string, string> =>
  Object.fromEntries(Object.entries(f).filter((entry): entry is [string, string] => Boolean(entry[1])));

function Filter({
  filters,
  actions,
  onApply,
}: {
  filters: AuditFilters;
  actions: readonly string[];
  onApply: (next: AuditFilters) => void;
}) {
  const [q, setQ] = useState(filters.q ?? '');
  const [actor, setActor] = useState(filters.actor ?? '');
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? '');
  const typed = () => ({ q: q.trim() || undefined, actor: actor.trim() || undefined, from: from || undefined, to: to || undefined });
  // The action in the address stays a choice even when the log no longer lists it.
  const known = filters.action && !actions.includes(filters.action) ? [...actions, filters.action] : actions;
  const actionChoices = [{ value: '', label: 'Any action' }, ...known.map((a) => ({ value: a, label: describeAction(a) }))];
  return (
    <ListSearchForm
      label="Search the audit log"
      onSearch={() => onApply({ ...filters, ...typed() })}
      clear={
        filters.q || filters.actor || filters.action || filters.from || filters.to
          ? { label: 'Show every entry', onClear: () => onApply({}) }
          : null
      }
    >
      <TextField label="Action or person" type="search" value={q} onChange={setQ} autoComplete="off" maxLength={200} />
      <TextField
        label="Who did it"
        type="search"
        value={actor}
        onChange={setActor}
        autoComplete="off"
        maxLength={200}
        hint="Part of a name."
      />
      <SelectField
        label="Action"
        value={filters.action ?? ''}
        options={actionChoices}
        onChange={(action) => onApply({ ...filters, ...typed(), action: action || undefined })}
      />
      <TextField label="From" type="date" value={from} onChange={setFrom} max={to || undefined} />
      <TextField label="To" type="date" value={to} onChange={setTo} min={from || undefined} hint="Days in UTC, both included." />
    </ListSearchForm>
  );
}

const countOf = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const audit = useAudit(filters);
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  const total = audit.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(filters.q || filters.actor || filters.action || filters.from || filters.to);
  const actions = audit.data?.pages[0]?.actions ?? [];

  return (
    <Page
      title="Audit log"
      intro={
        <p>A record of changes made by staff and the matching committee: who did what, and when. Entries can’t be edited or removed.</p>
      }
    >
      <Card>
        <Filter key={params.toString()} filters={filters} actions={actions} onApply={(next) => setParams(toParams(next))} />
      </Card>
      {audit.isPending ? <Loading label="Loading the audit log…" /> : null}
      {audit.isError && entries.length === 0 ? (
        <LoadError error={audit.error} what="the audit log" onRetry={() => void audit.refetch()} />
      ) : null}
      {audit.isSuccess && entries.length === 0 ? (
        <p role="status">{filtered ? 'No entries match this search.' : 'Nothing has been recorded yet.'}</p>
      ) : null}
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
                    <td>{describeRecord(e)}</td>
                    <td className="small cell-details">{describeDetails(e.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p className="muted small" role="status">
            {entries.length < total ? `Showing ${entries.length.toLocaleString('en-US')} of ${countOf(total)}` : countOf(total)}
            {filtered ? ' matching this search.' : '.'}
          </p>
          {audit.isFetchNextPageError ? <Alert tone="error">{errorMessage(audit.error)}</Alert> : null}
          {audit.hasNextPage ? (
            <Button variant="secondary" busy={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
              Show older entries
            </Button>
          ) : (
            <p className="muted small">
              {filtered ? 'That’s every entry that matches.' : 'That’s everything: you’ve reached the first entry.'}
            </p>
          )}
        </>
      ) : null}
    </Page>
  );
}
