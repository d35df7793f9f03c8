import { assertRowId } from '../../db/row-id.ts';
import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import type { PeriodMatchList, PeriodMatchQuery } from '../../shared/api/period-matches.ts';
import { findPeriod } from '../periods/periods.service.ts';
import { countPeriodMatches, listPeriodMatchRows, searchPeriodMatches } from './period-matches.store.ts';
import type { PeriodMatchRow } from './period-matches.store.ts';

export type { PeriodMatchRow } from './period-matches.store.ts';

/** Staff: every match of a period (the caller checks the period exists and who may ask). */
export function listMatchesOfPeriod(deps: Pick<Deps, 'db'>, periodId: number): Promise<PeriodMatchRow[]> {
  assertRowId(periodId, 'period');
  return listPeriodMatchRows(deps.db, periodId);
}

/**
 * Staff: a period's matches searched, filtered and a page at a time, with how many are active and
 * ended under the same search. A period that does not exist is a 404.
 */
export async function searchMatchesOfPeriod(deps: Pick<Deps, 'db'>, periodId: number, q: PeriodMatchQuery): Promise<PeriodMatchList> {
  const period = await findPeriod(deps.db, periodId);
  if (!period) throw new NotFoundError('period');
  const filter = { periodId, q: q.q || undefined, mentorId: q.mentorId, liaison: q.liaison };
  const [page, counts] = await Promise.all([
    searchPeriodMatches(deps.db, { ...filter, status: q.status, sort: q.sort, after: q.after, limit: q.limit }),
    countPeriodMatches(deps.db, filter),
  ]);
  return {
    period: { id: period.id, name: period.name },
    matches: page.matches.map(({ explanation: _explanation, ...match }) => match),
    nextCursor: page.nextCursor,
    // The counts are under the same search and filters, so the status filter picks its own.
    total: q.status ? counts[q.status] : counts.active + counts.ended,
    counts,
  };
}
