import { assertRowId } from '../../db/row-id.ts';
import type { Deps } from '../../deps.ts';
import { listPeriodContactRows } from './period-contacts.store.ts';
import type { PeriodContactRow } from './period-contacts.store.ts';

export type { PeriodContactRow } from './period-contacts.store.ts';

/** Staff: the contact logs of all of a period's pairs (the caller checks the period and the role). */
export function listContactsOfPeriod(deps: Pick<Deps, 'db'>, periodId: number): Promise<PeriodContactRow[]> {
  assertRowId(periodId, 'period');
  return listPeriodContactRows(deps.db, periodId);
}
