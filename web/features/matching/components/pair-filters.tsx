import { RUN_PAIR_SORTS } from '../../../../src/shared/api/matching.ts';
import type { RunPairSort } from '../../../../src/shared/api/matching.ts';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { ListSearchForm, SearchTextField, useSearchText } from '../../../components/ui/list-search-form.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { filtersToParams, oneOf } from '../../../lib/list-filters.ts';
import type { PairFilters, RunPairsPage } from '../api/get-run-pairs.ts';
import type { RunResult } from '../api/get-run.ts';

export const SORT_LABELS: Record<RunPairSort, string> = {
  'score-asc': 'Lowest score first',
  'score-desc': 'Highest score first',
  mentor: 'By mentor',
  mentee: 'By mentee',
};
const SORT_CHOICES = RUN_PAIR_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }));

/** The pairs table's order, search and filters from the page's address; anything unknown there is ignored. */
export function pairFiltersFromParams(params: URLSearchParams): PairFilters {
  const q = params.get('q')?.trim();
  const sort = oneOf(RUN_PAIR_SORTS, params.get('sort'));
  const mentor = Number(params.get('mentor'));
  return {
    ...(sort && sort !== 'score-asc' ? { sort } : {}),
    ...(q ? { q: q.slice(0, 200) } : {}),
    ...(params.get('warnings') === 'true' ? { warnings: true } : {}),
    ...(params.get('locked') === 'true' ? { locked: true } : {}),
    ...(Number.isSafeInteger(mentor) && mentor > 0 ? { mentor } : {}),
  };
}

/** The pairs table's state for the page's address: the first order and unticked boxes are left out. */
export function pairFiltersToParams(filters: PairFilters): Record<string, string> {
  return filtersToParams({
    sort: filters.sort === 'score-asc' ? undefined : filters.sort,
    q: filters.q,
    warnings: filters.warnings || undefined,
    locked: filters.locked || undefined,
    mentor: filters.mentor || undefined,
  });
}

/** Whether anything narrows the list (the order alone does not). */
export const isFiltered = (f: PairFilters): boolean => Boolean(f.q || f.warnings || f.locked || f.mentor);

interface PairFiltersFormProps {
  filters: PairFilters;
  mentors: RunResult['mentors'];
  counts: RunPairsPage['counts'] | undefined;
  onChange: (next: PairFilters) => void;
}

/** Search by name; the order, the mentor and the check boxes apply at once, the text when the form is sent. */
export function PairFiltersForm({ filters, mentors, counts, onChange }: PairFiltersFormProps) {
  const { q, setQ, apply, clearButton } = useSearchText(filters, onChange);
  const mentorChoices = [
    { value: '', label: 'Any mentor' },
    ...mentors.map((m) => ({ value: String(m.mentorApplicationId), label: `${m.name} (${m.assigned})` })),
  ];
  const counted = (n: number | undefined) => (n === undefined ? '' : ` (${n.toLocaleString('en-US')})`);
  return (
    <ListSearchForm
      label="Find pairs"
      onSearch={() => apply({})}
      below={
        <>
          <Checkbox
            label={`Only pairs with something against them${counted(counts?.warnings)}`}
            checked={Boolean(filters.warnings)}
            onChange={(warnings) => apply({ warnings: warnings || undefined })}
          />
          <Checkbox
            label={`Only locked pairs${counted(counts?.locked)}`}
            checked={Boolean(filters.locked)}
            onChange={(locked) => apply({ locked: locked || undefined })}
          />
        </>
      }
      clear={clearButton('Show all pairs', { sort: filters.sort }, isFiltered(filters))}
    >
      <SearchTextField label="Mentee or mentor name" value={q} onChange={setQ} />
      <SelectField
        label="Order"
        value={filters.sort ?? 'score-asc'}
        options={SORT_CHOICES}
        onChange={(sort) => apply({ sort: oneOf(RUN_PAIR_SORTS, sort) })}
      />
      <SelectField
        label="Mentor"
        value={filters.mentor ? String(filters.mentor) : ''}
        options={mentorChoices}
        onChange={(mentor) => apply({ mentor: mentor ? Number(mentor) : undefined })}
      />
    </ListSearchForm>
  );
}
