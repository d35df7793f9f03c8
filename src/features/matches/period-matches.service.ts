import { assertRowId } from '../../db/row-id.ts';
import type { Deps } from '../../deps.ts';
import { listPeriodMatchRows } from './period-matches.store.ts';
import type { PeriodMatchRow } from './period-matches.store.ts';

export type { PeriodMatchRow } from './period-matches.store.ts';

/** Staff: every match of a period (the caller checks the period exists and who may ask). */
export function listMatchesOfPeriod(deps: Pick<Deps, 'db'>, periodId: number): Promise<PeriodMatchRow[]> {
  assertRowId(periodId, 'period');
  return listPeriodMatchRows(deps.db, periodId);
}
