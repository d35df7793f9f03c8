import { appOrigin } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../errors.ts';
import type { LiaisonAssignment, PeriodLiaisons, PeriodLiaisonsQuery, SpreadResult } from '../../shared/api/liaisons.ts';
import type { LiaisonMatches } from '../../shared/api/program-health.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { recordMatchEvent } from '../matches/matches.service.ts';
import { deliverRecorded, recordMail } from '../notifications/mail.service.ts';
import { findPeriod } from '../periods/periods.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { listLiaisonMatches } from '../program-health/program-health.service.ts';
import { liaisonAssignedMail } from './liaison-mails.ts';
import { spreadEvenly } from './liaison.rules.ts';
import {
  countActiveMatchesByLiaison,
  countActiveMatchesOfPeriod,
  findCommitteeMembers,
  findLiaisonMatch,
  listActiveMatchesOfPeriod,
  listCommitteeMembers,
  searchActiveMatchesOfPeriod,
  setMatchLiaison,
} from './liaisons.store.ts';
import type { LiaisonMatchRow, Person } from './liaisons.store.ts';

const NOT_COMMITTEE = (ids: readonly number[]) =>
  new RuleViolationError(
    'NOT_COMMITTEE',
    ids.length === 1
      ? `User ${ids[0]} is not a member of the matching committee who can sign in: choose a committee member as liaison.`
      : `Users ${ids.join(', ')} are not members of the matching committee who can sign in: choose committee members as liaisons.`,
  );

const inPair = (m: LiaisonMatchRow, userId: number) => m.mentee.userId === userId || m.mentor.userId === userId;

/**
 * Gives one match a liaison, or takes it away (null). One transaction: the match, its history,
 * the audit log and an e-mail to the new liaison (delivered after commit). Choosing the liaison
 * it already has changes nothing and sends nothing.
 */
export async function assignLiaison(deps: Deps, actor: Actor, matchId: number, liaisonUserId: number | null): Promise<LiaisonAssignment> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const at = toInstant(now);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const match = await findLiaisonMatch(trx, matchId);
    if (!match) throw new NotFoundError('match');
    const previous = match.liaison?.userId ?? null;
    if (previous === liaisonUserId) return { liaison: match.liaison, outboxIds: [] as number[] };

    let liaison: Person | null = null;
    if (liaisonUserId !== null) {
      if (match.status !== 'active') throw new ConflictError('MATCH_NOT_ACTIVE', 'Only an active match can be given a liaison.');
      liaison = (await findCommitteeMembers(trx, [liaisonUserId])).get(liaisonUserId) ?? null;
      if (!liaison) throw NOT_COMMITTEE([liaisonUserId]);
      if (inPair(match, liaisonUserId)) {
        throw new RuleViolationError(
          'LIAISON_IN_MATCH',
          `${liaison.name} is one of this pair: choose another committee member as liaison.`,
        );
      }
    }
    if (!(await setMatchLiaison(trx, matchId, previous, liaisonUserId))) {
      throw new ConflictError('LIAISON_CHANGED', 'Someone changed this match’s liaison a moment ago. Reload the page and try again.');
    }
    await recordMatchEvent(trx, {
      matchId,
      kind: 'liaison_assigned',
      actorId: actor.userId,
      details: { liaisonUserId, previousLiaisonUserId: previous },
      at,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: liaisonUserId === null ? 'match.liaison_removed' : 'match.liaison_assigned',
      entityType: 'match',
      entityId: matchId,
      details: { liaisonUserId, previousLiaisonUserId: previous },
      at,
    });
    const outboxIds = liaison
      ? [
          await recordMail(
            trx,
            now,
            liaisonAssignedMail({
              programName: settings.programName,
              origin: appOrigin(deps.config),
              to: { address: liaison.email, name: liaison.name },
              pairs: [match],
            }),
          ),
        ]
      : [];
    return { liaison, outboxIds };
  });
  await deliverRecorded(deps, outcome.outboxIds);
  return { matchId, liaison: outcome.liaison };
}

/**
 * Spreads a period's active matches evenly over the chosen committee members (see spreadEvenly),
 * in one transaction: each match whose liaison changes gets a history entry and an audit entry;
 * each member who gains pairs gets one e-mail listing them. Anyone chosen who is not an enabled
 * committee member makes the whole request fail, changing nothing.
 */
export async function spreadLiaisons(
  deps: Deps,
  actor: Actor,
  periodId: number,
  input: { committeeUserIds: readonly number[]; keepAssigned: boolean },
): Promise<SpreadResult> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const at = toInstant(now);
  const chosen = [...new Set(input.committeeUserIds)];
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const period = await findPeriod(trx, periodId);
    if (!period) throw new NotFoundError('period');
    const members = await findCommitteeMembers(trx, chosen);
    const strangers = chosen.filter((id) => !members.has(id));
    if (strangers.length > 0) throw NOT_COMMITTEE(strangers);

    const matches = await listActiveMatchesOfPeriod(trx, periodId);
    const kept = input.keepAssigned ? matches.filter((m) => m.liaison !== null) : [];
    const toDeal = input.keepAssigned ? matches.filter((m) => m.liaison === null) : matches;
    const load = new Map<number, number>();
    for (const m of kept) if (m.liaison) load.set(m.liaison.userId, (load.get(m.liaison.userId) ?? 0) + 1);
    const plan = spreadEvenly(
      toDeal.map((m) => ({ matchId: m.matchId, excluded: [m.mentee.userId, m.mentor.userId] })),
      chosen,
      load,
    );

    let assigned = 0;
    let unchanged = kept.length;
    let leftWithout = 0;
    const gained = new Map<number, LiaisonMatchRow[]>();
    const final = new Map<number, number>();
    for (const m of kept) if (m.liaison) final.set(m.liaison.userId, (final.get(m.liaison.userId) ?? 0) + 1);
    for (const m of toDeal) {
      const to = plan.get(m.matchId) ?? null;
      const from = m.liaison?.userId ?? null;
      if (to === null) {
        // Nobody chosen can take this pair: it keeps whoever it had.
        leftWithout += 1;
        if (from !== null) final.set(from, (final.get(from) ?? 0) + 1);
        continue;
      }
      final.set(to, (final.get(to) ?? 0) + 1);
      if (to === from) {
        unchanged += 1;
        continue;
      }
      if (!(await setMatchLiaison(trx, m.matchId, from, to))) {
        throw new ConflictError('LIAISON_CHANGED', 'Someone changed a liaison in this period a moment ago. Reload the page and try again.');
      }
      await recordMatchEvent(trx, {
        matchId: m.matchId,
        kind: 'liaison_assigned',
        actorId: actor.userId,
        details: { liaisonUserId: to, previousLiaisonUserId: from, spread: true },
        at,
      });
      await recordAudit(trx, {
        actorId: actor.userId,
        action: 'match.liaison_assigned',
        entityType: 'match',
        entityId: m.matchId,
        details: { liaisonUserId: to, previousLiaisonUserId: from, spreadOverPeriodId: periodId },
        at,
      });
      gained.set(to, [...(gained.get(to) ?? []), m]);
      assigned += 1;
    }

    const outboxIds: number[] = [];
    for (const [userId, pairs] of gained) {
      const member = members.get(userId);
      if (!member) continue;
      outboxIds.push(
        await recordMail(
          trx,
          now,
          liaisonAssignedMail({
            programName: settings.programName,
            origin: appOrigin(deps.config),
            to: { address: member.email, name: member.name },
            pairs,
          }),
        ),
      );
    }
    const liaisons = chosen
      .map((id) => members.get(id))
      .filter((m): m is Person => m !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name) || a.userId - b.userId)
      .map((m) => ({ ...m, matches: final.get(m.userId) ?? 0 }));
    return { result: { assigned, unchanged, leftWithout, liaisons }, outboxIds };
  });
  await deliverRecorded(deps, outcome.outboxIds);
  return outcome.result;
}

/**
 * Staff: a page of a period's active matches with their liaisons, the committee members to choose
 * from (with how many pairs each looks after) and the period's counts. Everything is counted by
 * the database and only one page is read, whatever the size of the period.
 */
export async function getPeriodLiaisons(deps: Pick<Deps, 'db'>, periodId: number, q: PeriodLiaisonsQuery): Promise<PeriodLiaisons> {
  const period = await findPeriod(deps.db, periodId);
  if (!period) throw new NotFoundError('period');
  const filter = { periodId, q: q.q || undefined, liaison: q.liaison, liaisonUserId: q.liaisonUserId };
  const [page, total, load, members] = await Promise.all([
    searchActiveMatchesOfPeriod(deps.db, { ...filter, after: q.after, limit: q.limit }),
    countActiveMatchesOfPeriod(deps.db, filter),
    countActiveMatchesByLiaison(deps.db, periodId),
    listCommitteeMembers(deps.db),
  ]);
  let active = 0;
  for (const n of load.values()) active += n;
  return {
    period: { id: period.id, name: period.name, status: period.status },
    committee: members.map((p) => ({ ...p, matches: load.get(p.userId) ?? 0 })),
    counts: { active, withoutLiaison: load.get(null) ?? 0 },
    matches: page.matches.map((m) => ({ matchId: m.matchId, mentee: m.mentee, mentor: m.mentor, liaison: m.liaison })),
    nextCursor: page.nextCursor,
    total,
  };
}

/** A committee member's own pairs: only matches where they are the liaison. */
export function getMyLiaisonMatches(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<LiaisonMatches> {
  return listLiaisonMatches(deps, actor.userId);
}
