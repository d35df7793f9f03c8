import type { Executor } from '../../db/executor.ts';
import { recordMatchEvent } from '../matches/matches.service.ts';
import { spreadEvenly } from './liaison.rules.ts';
import { listActiveMatchesOfPeriod, listCommitteeMembers, setMatchLiaison } from './liaisons.store.ts';

/**
 * The demo's liaisons: every active match of the period gets one of the demo's committee members,
 * spread evenly (as staff would with "Spread evenly"), each with its history entry. No e-mail:
 * the demo's outbox should not fill with assignments nobody made. Call it inside the demo's
 * transaction once the period's matches exist. Returns how many matches got a liaison.
 */
export async function assignDemoLiaisons(db: Executor, opts: { periodId: number; actorId: number; at: string }): Promise<number> {
  const committee = await listCommitteeMembers(db);
  if (committee.length === 0) throw new Error('demo: there is no committee member to be a liaison');
  const matches = await listActiveMatchesOfPeriod(db, opts.periodId);
  const plan = spreadEvenly(
    matches.map((m) => ({ matchId: m.matchId, excluded: [m.mentee.userId, m.mentor.userId] })),
    committee.map((c) => c.userId),
  );
  let assigned = 0;
  for (const m of matches) {
    const to = plan.get(m.matchId) ?? null;
    const from = m.liaison?.userId ?? null;
    if (to === null || to === from) continue;
    if (!(await setMatchLiaison(db, m.matchId, from, to))) throw new Error(`demo: match ${m.matchId} changed while liaisons were assigned`);
    await recordMatchEvent(db, {
      matchId: m.matchId,
      kind: 'liaison_assigned',
      actorId: opts.actorId,
      details: { liaisonUserId: to, previousLiaisonUserId: from, spread: true },
      at: opts.at,
    });
    assigned += 1;
  }
  return assigned;
}
