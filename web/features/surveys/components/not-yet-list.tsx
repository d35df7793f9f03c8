import { useSearchParams } from 'react-router';
import type { Survey } from '../../../../src/shared/api/surveys.ts';
import { RESPONDENT_ROLES } from '../../../../src/shared/surveys.ts';
import { ListSearchForm, SearchTextField, useSearchText } from '../../../components/ui/list-search-form.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { filtersToParams, isNarrowed, oneOf } from '../../../lib/list-filters.ts';
import { useSurveyNotYet } from '../api/get-survey-not-yet.ts';
import type { NotYetFilters } from '../api/get-survey-not-yet.ts';
import { ROLE_WORDS } from './survey-words.ts';
import { LoadMore } from '../../../components/ui/load-more.tsx';

const capitalised = (text: string) => text.replace(/^./, (c) => c.toUpperCase());
const ROLE_CHOICES = [
  { value: '', label: 'Mentors and mentees' },
  ...RESPONDENT_ROLES.map((r) => ({ value: r, label: capitalised(ROLE_WORDS[r].many) })),
];
const STARTED_CHOICES = [
  { value: '', label: 'Started or not' },
  { value: 'true', label: 'Has started' },
  { value: 'false', label: 'Not started yet' },
];

const flag = (value: string | null) => (value === 'true' ? true : value === 'false' ? false : undefined);

/** The list's state from the page's address; anything unknown there is ignored. */
function filtersFromParams(params: URLSearchParams): NotYetFilters {
  const q = params.get('q')?.trim();
  const role = oneOf(RESPONDENT_ROLES, params.get('role'));
  const started = flag(params.get('started'));
  return { ...(q ? { q } : {}), ...(role ? { role } : {}), ...(started !== undefined ? { started } : {}) };
}

/** Search by name or address; the choices apply at once, the text when the form is sent. */
function Filters({ filters, onChange }: { filters: NotYetFilters; onChange: (next: NotYetFilters) => void }) {
  const { q, setQ, apply, clearButton } = useSearchText(filters, onChange);
  return (
    <ListSearchForm
      label="Find people who haven’t answered"
      onSearch={() => apply({})}
      clear={clearButton('Show everyone who hasn’t answered', {})}
    >
      <SearchTextField value={q} onChange={setQ} />
      <SelectField
        label="Role"
        value={filters.role ?? ''}
        options={ROLE_CHOICES}
        onChange={(value) => apply({ role: oneOf(RESPONDENT_ROLES, value) })}
      />
      <SelectField
        label="Answers saved"
        value={filters.started === undefined ? '' : String(filters.started)}
        options={STARTED_CHOICES}
        onChange={(value) => apply({ started: flag(value) })}
      />
    </ListSearchForm>
  );
}

const peopleWords = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'person' : 'people'}`;

/**
 * Who hasn't answered yet, so staff can nudge them: searched, filtered, a page at a time. Who and
 * whether they have begun, never what anyone said.
 */
export function NotYetList({ survey }: { survey: Survey }) {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const filtered = isNarrowed(filters);
  const list = useSurveyNotYet(survey.id, filters);
  const first = list.data?.pages[0];
  const shown = list.data?.pages.flatMap((p) => p.people) ?? [];
  const total = first?.total ?? 0;

  if (list.isPending) return <Loading label="Finding who hasn’t answered…" />;
  if (list.isError && shown.length === 0) {
    return <LoadError error={list.error} what="who hasn’t answered" onRetry={() => void list.refetch()} />;
  }
  if (first && total === 0 && !filtered && !list.isPlaceholderData) return <p>Everyone asked has answered.</p>;

  const nudge = `mailto:?bcc=${encodeURIComponent(shown.map((p) => p.email).join(','))}&subject=${encodeURIComponent(
    `A reminder: ${survey.title}`,
  )}`;
  return (
    <>
      <h3>Not answered yet</h3>
      <p className="muted">
        Only who hasn’t answered, never what anyone said. A friendly personal note often helps more than another automatic reminder.
      </p>
      <Filters key={params.toString()} filters={filters} onChange={(next) => setParams(filtersToParams(next))} />
      {first && !list.isPlaceholderData ? (
        <p role="status" className="muted small">
          {shown.length === 0
            ? 'Nobody who hasn’t answered fits this search.'
            : shown.length < total
              ? `Showing ${shown.length.toLocaleString('en-US')} of ${peopleWords(total)} who haven’t answered${filtered ? ' and fit this search' : ''}.`
              : `${peopleWords(total)} ${total === 1 ? 'hasn’t' : 'haven’t'} answered${filtered ? ' and fit this search' : ''}.`}
        </p>
      ) : null}
      {list.isPlaceholderData ? <Loading label="Finding who hasn’t answered…" /> : null}
      {shown.length > 0 ? (
        <>
          <p>
            <a href={nudge}>E-mail the {peopleWords(shown.length)} listed here</a> (their addresses go in Bcc).
          </p>
          <TableWrap label="People who haven’t answered yet">
            <table className="table--cards" aria-busy={list.isPlaceholderData || undefined}>
              <caption className="visually-hidden">People who haven’t answered yet, by name</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail address</th>
                  <th scope="col">Role</th>
                  <th scope="col">Started</th>
                  <th scope="col">Reminders sent</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.userId}>
                    <th scope="row">{p.name}</th>
                    <td data-label="E-mail address" className="cell-details">
                      <a href={`mailto:${p.email}`}>{p.email}</a>
                    </td>
                    <td data-label="Role">{capitalised(ROLE_WORDS[p.role].one)}</td>
                    <td data-label="Started">{p.started ? 'Has started' : 'Not yet'}</td>
                    <td data-label="Reminders sent">{p.remindersSent}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
      <LoadMore list={list} label="Load more people" />
    </>
  );
}
