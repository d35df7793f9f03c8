import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  APPLICATION_ROLES,
  APPLICATION_STATUSES,
  APPLICATION_STATUS_LABELS,
  WORKPLACE_TYPES,
  WORKPLACE_TYPE_LABELS,
} from '../../../../src/shared/application-vocabulary.ts';
import { APPLICATION_SORTS } from '../../../../src/shared/api/applications.ts';
import type { ApplicationSort } from '../../../../src/shared/api/applications.ts';
import { periodExportUrl } from '../../../../src/shared/exports.ts';
import { DownloadCsv } from '../../../components/download-csv.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { APPLICATION_FILTER_KEYS, cleanFilters, usePeriodApplications } from '../api/get-period-applications.ts';
import type { ApplicationFilters, ApplicationList } from '../api/get-period-applications.ts';
import { BulkDecisionDialog } from './bulk-decision-dialog.tsx';
import { usePeriod } from '../../../lib/reads/periods.ts';
import { useProgramGoals } from '../../../lib/reads/program-goals.ts';
import { ActiveMatchBadge } from './active-match-badge.tsx';
import { ApplicationStatusBadge } from './application-status-badge.tsx';
import { ReviewBreadcrumb } from './review-breadcrumb.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

const ROLE_PLURAL = { mentor: 'Mentors', mentee: 'Mentees' } as const;
const SORT_CHOICES: { value: ApplicationSort; label: string }[] = [
  { value: 'submitted', label: 'Newest first' },
  { value: 'name', label: 'By name' },
  { value: 'status', label: 'By status' },
];
const sortFrom = (value: string | null): ApplicationSort => APPLICATION_SORTS.find((s) => s === value) ?? 'submitted';
const applications = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'application' : 'applications'}`;

function CountsTable({ counts }: { counts: ApplicationList['counts'] }) {
  return (
    <TableWrap label="Applications by role and status">
      <table>
        <caption className="visually-hidden">Applications by role and status</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            {APPLICATION_STATUSES.map((s) => (
              <th scope="col" key={s}>
                {APPLICATION_STATUS_LABELS[s]}
              </th>
            ))}
            <th scope="col">All</th>
          </tr>
        </thead>
        <tbody>
          {APPLICATION_ROLES.map((r) => {
            const row = counts[r];
            const total = APPLICATION_STATUSES.reduce((sum, s) => sum + (row[s] ?? 0), 0);
            return (
              <tr key={r}>
                <th scope="row">{ROLE_PLURAL[r]}</th>
                {APPLICATION_STATUSES.map((s) => (
                  <td key={s}>{row[s] ?? 0}</td>
                ))}
                <td>{total}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Filters({
  initial,
  onApply,
  goals,
}: {
  initial: ApplicationFilters;
  onApply: (f: ApplicationFilters) => void;
  goals: { value: string; label: string }[];
}) {
  const [f, setF] = useState<ApplicationFilters>(initial);
  const set = (key: keyof ApplicationFilters) => (value: string) => setF((x) => ({ ...x, [key]: value }));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onApply(f);
  };
  const any = (label: string) => [{ value: '', label }];
  return (
    <form className="form" onSubmit={submit} aria-label="Filter applications" role="search">
      <div className="form-row">
        <SelectField
          label="Role"
          value={f.role ?? ''}
          onChange={set('role')}
          options={[...any('Mentors and mentees'), ...APPLICATION_ROLES.map((r) => ({ value: r, label: ROLE_PLURAL[r] }))]}
        />
        <SelectField
          label="Status"
          value={f.status ?? ''}
          onChange={set('status')}
          options={[...any('Any status'), ...APPLICATION_STATUSES.map((s) => ({ value: s, label: APPLICATION_STATUS_LABELS[s] }))]}
        />
        <SelectField
          label="Workplace"
          value={f.workplaceType ?? ''}
          onChange={set('workplaceType')}
          options={[...any('Any workplace'), ...WORKPLACE_TYPES.map((w) => ({ value: w, label: WORKPLACE_TYPE_LABELS[w] }))]}
        />
      </div>
      <div className="form-row">
        <TextField
          label="Region"
          value={f.region ?? ''}
          onChange={set('region')}
          maxLength={20}
          hint="A code like US-IL, or US for a whole country."
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField label="Program goal" value={f.goal ?? ''} onChange={set('goal')} options={[...any('Any goal'), ...goals]} />
        <TextField
          label="Search"
          type="search"
          value={f.q ?? ''}
          onChange={set('q')}
          maxLength={200}
          hint="Name, e-mail, employer or interest."
          autoComplete="off"
        />
      </div>
      <div className="form-actions">
        <Button type="submit">Show applications</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setF({});
            onApply({});
          }}
        >
          Clear filters
        </Button>
      </div>
    </form>
  );
}

/** Staff and the committee: a period's applications, counted, filtered, sorted and listed a page at a time. */
export function ApplicationsPage({ canManagePeriods }: { canManagePeriods: boolean }) {
  const params = useParams();
  const periodId = Number(params.id);
  // The filters and the order live in the address, so a view can be shared or reloaded.
  const [search, setSearch] = useSearchParams();
  const filters: ApplicationFilters = cleanFilters(Object.fromEntries(APPLICATION_FILTER_KEYS.map((k) => [k, search.get(k) ?? ''])));
  const sort = sortFrom(search.get('sort'));
  const period = usePeriod(periodId);
  const list = usePeriodApplications(periodId, filters, sort);
  const goals = useProgramGoals();
  const periodName = period.data?.name;
  const goalOptions = (goals.data ?? []).map((g) => ({ value: String(g.id), label: g.retired ? `${g.title} (retired)` : g.title }));
  const first = list.data?.pages[0];
  const shown = list.data?.pages.flatMap((p) => p.applications) ?? [];
  const total = first?.total ?? 0;

  const title = periodName ? `Applications for ${periodName}` : 'Applications';
  const back = <ReviewBreadcrumb periodId={periodId} periodName={periodName} canManagePeriods={canManagePeriods} />;
  if (!Number.isInteger(periodId) || periodId <= 0) {
    return (
      <Page title="Period not found" before={back}>
        <p>This address doesn’t point to a period.</p>
      </Page>
    );
  }

  const show = (f: ApplicationFilters, order: ApplicationSort) => {
    const next = new URLSearchParams(cleanFilters(f));
    if (order !== 'submitted') next.set('sort', order);
    setSearch(next, { replace: true });
  };
  const filtered = Object.keys(filters).length > 0;
  return (
    <Page
      title={title}
      documentTitle={title}
      before={back}
      intro={<p>Check each application, then accept, waitlist or decline it. Accepted people go into the pool for matching.</p>}
      actions={
        <div className="form-actions">
          <DownloadCsv url={(bom) => periodExportUrl(periodId, 'applications', bom)} what="of the applications" />
          <Link className="button button--secondary button--small" to={`/periods/${periodId}/applications/import`}>
            Import from CSV
          </Link>
          <Link className="button button--small" to={`/periods/${periodId}/matching`}>
            Go to matching
          </Link>
        </div>
      }
    >
      {list.isPending ? <Loading label="Loading applications…" /> : null}
      {list.isError && !first ? <LoadError error={list.error} what="the applications" onRetry={() => void list.refetch()} /> : null}
      {first ? (
        <>
          <Card title="At a glance">
            <CountsTable counts={first.counts} />
          </Card>
          <Card title="Find applications">
            <Filters key={search.toString()} initial={filters} goals={goalOptions} onApply={(f) => show(f, sort)} />
          </Card>
          <Card title={filtered ? 'Matching applications' : 'All applications'}>
            <div className="form-row">
              <SelectField label="Order" value={sort} options={SORT_CHOICES} onChange={(value) => show(filters, sortFrom(value))} />
            </div>
            <p role="status" className="muted">
              {list.isFetching && !list.isFetchingNextPage
                ? 'Updating…'
                : `${shown.length < total ? `Showing ${shown.length.toLocaleString('en-US')} of ${applications(total)}` : applications(total)}${filtered ? ' matching these filters.' : '.'}`}
            </p>
            <div className="form-actions">
              <BulkDecisionDialog periodId={periodId} filters={filters} total={total} />
            </div>
            {shown.length === 0 ? (
              <p>{filtered ? 'No applications match. Try fewer filters.' : 'No one has applied to this period yet.'}</p>
            ) : (
              <TableWrap label="Applications">
                <table>
                  <caption className="visually-hidden">Applications</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Role</th>
                      <th scope="col">Status</th>
                      <th scope="col">Workplace</th>
                      <th scope="col">Region</th>
                      <th scope="col">Submitted</th>
                      <th scope="col">Eligibility</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((a) => (
                      <tr key={a.id}>
                        <th scope="row">
                          <Link to={`/periods/${periodId}/applications/${a.id}`}>{a.applicant.name}</Link>
                        </th>
                        <td>{a.role === 'mentor' ? 'Mentor' : 'Mentee'}</td>
                        <td>
                          <ApplicationStatusBadge status={a.status} />
                          <ActiveMatchBadge application={a} />
                        </td>
                        <td>{WORKPLACE_TYPE_LABELS[a.answers.workplaceType]}</td>
                        <td>{a.answers.region}</td>
                        <td className="nowrap">{formatInstant(a.createdAt)}</td>
                        <td>
                          {a.eligibilityProblems.length > 0 ? (
                            <Badge tone="warning">
                              {a.eligibilityProblems.length === 1
                                ? '1 question to check'
                                : `${a.eligibilityProblems.length} questions to check`}
                            </Badge>
                          ) : (
                            <span className="muted">Eligible</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <LoadMore list={list} label="Load more applications" />
          </Card>
        </>
      ) : null}
    </Page>
  );
}
