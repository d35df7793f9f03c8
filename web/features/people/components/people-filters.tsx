import { PEOPLE_SORTS, PEOPLE_STATUSES } from '../../../../src/shared/api/users.ts';
import { ROLES, ROLE_LABELS } from '../../../../src/shared/roles.ts';
import { ListSearchForm, SearchTextField, useSearchText } from '../../../components/ui/list-search-form.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { oneOf } from '../../../lib/list-filters.ts';
import type { PeopleFilters } from '../api/get-users.ts';

const ROLE_CHOICES = [{ value: '', label: 'Any role' }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))];
const STATUS_CHOICES = [
  { value: '', label: 'Active or turned off' },
  { value: 'active', label: 'Active' },
  { value: 'disabled', label: 'Turned off' },
];
const SORT_CHOICES = [
  { value: 'name', label: 'By name' },
  { value: 'newest', label: 'Newest first' },
];

/** The list's search and filters from the page's address; anything unknown there is ignored. */
export function filtersFromParams(params: URLSearchParams): PeopleFilters {
  const q = params.get('q')?.trim();
  return {
    ...(q ? { q } : {}),
    ...(oneOf(ROLES, params.get('role')) ? { role: oneOf(ROLES, params.get('role')) } : {}),
    ...(oneOf(PEOPLE_STATUSES, params.get('status')) ? { status: oneOf(PEOPLE_STATUSES, params.get('status')) } : {}),
    ...(oneOf(PEOPLE_SORTS, params.get('sort')) === 'newest' ? { sort: 'newest' as const } : {}),
  };
}

/** Search by name or e-mail; the choices apply at once, the text when the form is sent. */
export function PeopleFiltersForm({ filters, onChange }: { filters: PeopleFilters; onChange: (next: PeopleFilters) => void }) {
  const { q, setQ, apply, clearButton } = useSearchText(filters, onChange);
  return (
    <ListSearchForm label="Find people" onSearch={() => apply({})} clear={clearButton('Show everyone', {})}>
      <SearchTextField value={q} onChange={setQ} />
      <SelectField
        label="Role"
        value={filters.role ?? ''}
        options={ROLE_CHOICES}
        onChange={(role) => apply({ role: oneOf(ROLES, role) })}
      />
      <SelectField
        label="Status"
        value={filters.status ?? ''}
        options={STATUS_CHOICES}
        onChange={(status) => apply({ status: oneOf(PEOPLE_STATUSES, status) })}
      />
      <SelectField
        label="Order"
        value={filters.sort ?? 'name'}
        options={SORT_CHOICES}
        onChange={(sort) => apply({ sort: sort === 'newest' ? 'newest' : undefined })}
      />
    </ListSearchForm>
  );
}
