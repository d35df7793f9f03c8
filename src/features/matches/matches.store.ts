import { compiledOnce } from '../../db/compiled-once.ts';
import { memoUnlessChanged } from '../../db/unchanged-cache.ts';
import type { Executor } from '../../db/executor.ts';
import { readInPages } from '../../db/read-in-pages.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';
import { recordMatchEvent, recordMatchEvents } from './match-history.store.ts';
import { storedValue, storedValues } from '../../db/stored-value.ts';
import { CHANNELS } from '../../shared/channels.ts';
import type { Channel } from '../../shared/channels.ts';
import { MATCH_STATUSES } from '../../shared/match-status.ts';
import type { MatchStatus } from '../../shared/match-status.ts';
import { writeInChunks } from '../../db/write-in-chunks.ts';

export interface NewMatch {
  periodId: number;
  mentorUserId: number;
  menteeUserId: number;
  mentorApplicationId: number;
  menteeApplicationId: number;
  matchingRunId: number | null;
  score: number;
  explanation: string;
  at: string;
  /** Who made it (the approver, or staff re-matching); null for the demo. */
  madeBy?: number | null;
  /** A re-match keeps the pair's liaison. */
  liaisonUserId?: number | null;
  /** The match this one replaces (a re-match), for the history. */
  fromMatchId?: number;
}

const matchRow = (m: NewMatch) => ({
  period_id: m.periodId,
  mentor_user_id: m.mentorUserId,
  mentee_user_id: m.menteeUserId,
  mentor_application_id: m.mentorApplicationId,
  mentee_application_id: m.menteeApplicationId,
  matching_run_id: m.matchingRunId,
  score: m.score,
  explanation: m.explanation,
  status: 'active' as const,
  matched_at: m.at,
  ended_at: null,
  end_reason: null,
  ended_by: null,
  liaison_user_id: m.liaisonUserId ?? null,
});

const madeEvent = (matchId: number, m: NewMatch) => ({
  matchId,
  kind: 'made' as const,
  actorId: m.madeBy ?? null,
  details: {
    ...(m.matchingRunId !== null && { matchingRunId: m.matchingRunId }),
    ...(m.fromMatchId !== undefined && { fromMatchId: m.fromMatchId }),
  },
  at: m.at,
});

export async function insertMatch(db: Executor, m: NewMatch): Promise<number> {
  const row = await db.insertInto('matches').values(matchRow(m)).returning('id').executeTakeFirstOrThrow();
  await recordMatchEvent(db, madeEvent(row.id, m));
  return row.id;
}

/**
 * insertMatch for many (a run's approval: 10,000 pairs), each with its "made" history, a chunk
 * of rows per statement rather than two statements a pair. The ids come back in the order given
 * (each chunk's matched back by their applications, not trusted to RETURNING's order).
 */
export async function insertMatches(db: Executor, matches: readonly NewMatch[]): Promise<number[]> {
  // 14 parameters a row: far below both databases' limits on bound parameters.
  return writeInChunks(matches, 200, async (chunk) => {
    const rows = await db
      .insertInto('matches')
      .values(chunk.map(matchRow))
      .returning(['id', 'mentee_application_id', 'mentor_application_id'])
      .execute();
    const idOf = new Map(rows.map((r) => [`${r.mentee_application_id}:${r.mentor_application_id}`, r.id]));
    if (idOf.size !== chunk.length) throw new Error('Each new match must join its own pair of applications.');
    const ids = chunk.map((m) => idOf.get(`${m.menteeApplicationId}:${m.mentorApplicationId}`)!);
    await recordMatchEvents(
      db,
      chunk.map((m, k) => madeEvent(ids[k]!, m)),
    );
    return ids;
  });
}

/** Every pair of people ever matched, in any period (the matcher never pairs them again). */
export async function listPartnerPairs(db: Executor): Promise<{ mentorUserId: number; menteeUserId: number }[]> {
  const rows = await db.selectFrom('matches').select(['mentor_user_id', 'mentee_user_id']).distinct().execute();
  return rows.map((r) => ({ mentorUserId: r.mentor_user_id, menteeUserId: r.mentee_user_id }));
}

/** Everyone this person was ever matched with, either side, in any period (two index reads). */
export async function listPartnersOf(db: Executor, userId: number): Promise<number[]> {
  const [asMentor, asMentee] = await Promise.all([
    db.selectFrom('matches').select('mentee_user_id as partner').where('mentor_user_id', '=', userId).execute(),
    db.selectFrom('matches').select('mentor_user_id as partner').where('mentee_user_id', '=', userId).execute(),
  ]);
  return [...new Set([...asMentor, ...asMentee].map((r) => r.partner))];
}

/** Whether this mentor and mentee have ever been matched (any period, any status). */
export async function havePartnered(db: Executor, mentorUserId: number, menteeUserId: number): Promise<boolean> {
  const row = await db
    .selectFrom('matches')
    .select('id')
    .where('mentor_user_id', '=', mentorUserId)
    .where('mentee_user_id', '=', menteeUserId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** For each of these people, their side (mentor or mentee) in each active match they are in. */
export async function listActiveMatchSidesOf(
  db: Executor,
  userIds: readonly number[],
): Promise<{ userId: number; side: 'mentor' | 'mentee' }[]> {
  const out: { userId: number; side: 'mentor' | 'mentee' }[] = [];
  // Chunked (each chunk is bound twice): SQLite and PostgreSQL both limit bound parameters per statement.
  for (let i = 0; i < userIds.length; i += 500) {
    const chunk = userIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('matches')
      .select(['mentor_user_id', 'mentee_user_id'])
      .where('status', '=', 'active')
      .where((eb) => eb.or([eb('mentor_user_id', 'in', chunk), eb('mentee_user_id', 'in', chunk)]))
      .execute();
    const wanted = new Set(chunk);
    for (const r of rows) {
      if (wanted.has(r.mentor_user_id)) out.push({ userId: r.mentor_user_id, side: 'mentor' });
      if (wanted.has(r.mentee_user_id)) out.push({ userId: r.mentee_user_id, side: 'mentee' });
    }
  }
  return out;
}

/** How many active matches one person is in on one side, in one period. */
export interface ActiveMatchCount {
  userId: number;
  side: 'mentor' | 'mentee';
  periodId: number;
  periodName: string;
  matches: number;
}

/**
 * For each of these people, how many active matches they are in as mentor and as mentee, per
 * period (any period: a match stays active until it is ended). People with none get no row.
 * A plain read: callers that decide on it inside a transaction lock the people first.
 */
export async function countActiveMatchesOf(db: Executor, userIds: readonly number[]): Promise<ActiveMatchCount[]> {
  // Chunked: SQLite and PostgreSQL both limit bound parameters per statement. With a turn of the
  // event loop between chunks (read-in-pages.ts): a period's 30,000 candidates are 128 statements,
  // some 0.1 s that would otherwise run back to back.
  const out = await readInPages(
    [...new Set(userIds)],
    async (chunk) => {
      const counts: ActiveMatchCount[] = [];
      for (const side of ['mentor', 'mentee'] as const) {
        const person = side === 'mentor' ? 'm.mentor_user_id' : 'm.mentee_user_id';
        // Kept between writes (unchanged-cache.ts): the staff list asks it for each page it shows.
        const rows = await memoUnlessChanged(
          db,
          `active matches by ${side} ${chunk.join(',')}`,
          () =>
            db
              .selectFrom('matches as m')
              .innerJoin('periods as p', 'p.id', 'm.period_id')
              .select((eb) => [`${person} as user_id`, 'm.period_id', 'p.name as period_name', eb.fn.countAll<number | string>().as('n')])
              .where('m.status', '=', 'active')
              .where(person, 'in', chunk)
              .groupBy([person, 'm.period_id', 'p.name'])
              .execute(),
          { reads: ['matches', 'periods'] },
        );
        for (const r of rows) {
          counts.push({ userId: r.user_id, side, periodId: r.period_id, periodName: r.period_name, matches: Number(r.n) });
        }
      }
      return counts;
    },
    500,
  );
  return out.sort((a, b) => a.userId - b.userId || a.side.localeCompare(b.side) || a.periodId - b.periodId);
}

export interface PartnerContact {
  name: string;
  email: string;
  phone: string;
  jobTitle: string;
  employer: string;
  region: string;
  timeZone: string;
  channels: Channel[];
  languages: string[];
}

export interface MatchOfPerson {
  id: number;
  periodId: number;
  periodName: string;
  myRole: 'mentor' | 'mentee';
  matchedAt: string;
  status: MatchStatus;
  explanation: string;
  partner: PartnerContact;
}

/** A match of the person as stored: the explanation is the full one (staff's), with the pair's applications. */
export interface StoredMatchOfPerson extends MatchOfPerson {
  menteeApplicationId: number;
  mentorApplicationId: number;
}

export function parseList(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as unknown[]) : [];
  } catch {
    return [];
  }
}

/**
 * The person's matches in one role, each with the partner's contact details from the partner's
 * application. Only the columns a partner may see are selected: confidential preferences, hopes
 * and eligibility answers never leave the database here.
 */
function selectMatchesInRole(db: Executor, myRole: 'mentor' | 'mentee', userId: number) {
  const mine = myRole === 'mentor' ? 'm.mentor_user_id' : 'm.mentee_user_id';
  const partnerApplication = myRole === 'mentor' ? 'm.mentee_application_id' : 'm.mentor_application_id';
  return selectMatchWithPeople(db)
    .innerJoin('applications as pa', 'pa.id', partnerApplication)
    .select([
      'm.id',
      'm.period_id',
      'p.name as period_name',
      'm.matched_at',
      'm.status',
      'm.explanation',
      'm.mentee_application_id',
      'm.mentor_application_id',
      'mu.name as mentor_name',
      'mu.email as mentor_email',
      'eu.name as mentee_name',
      'eu.email as mentee_email',
      'pa.phone',
      'pa.job_title',
      'pa.employer',
      'pa.region',
      'pa.time_zone',
      'pa.channels',
      'pa.languages',
    ])
    .where(mine, '=', userId);
}

/** Every participant page asks these (a person's matches): compiled once each. */
const matchesInRoleQuery = {
  mentor: compiledOnce((db, userId: number) => selectMatchesInRole(db, 'mentor', userId)),
  mentee: compiledOnce((db, userId: number) => selectMatchesInRole(db, 'mentee', userId)),
};

async function matchesInRole(db: Executor, userId: number, myRole: 'mentor' | 'mentee'): Promise<StoredMatchOfPerson[]> {
  const { rows } = await db.executeQuery(matchesInRoleQuery[myRole](db, userId));
  return rows.map((r) => ({
    id: r.id,
    periodId: r.period_id,
    periodName: r.period_name,
    myRole,
    matchedAt: r.matched_at,
    status: storedValue('matches', 'status', MATCH_STATUSES, r.status),
    explanation: r.explanation,
    menteeApplicationId: r.mentee_application_id,
    mentorApplicationId: r.mentor_application_id,
    partner: {
      name: myRole === 'mentor' ? r.mentee_name : r.mentor_name,
      email: myRole === 'mentor' ? r.mentee_email : r.mentor_email,
      phone: r.phone,
      jobTitle: r.job_title,
      employer: r.employer,
      region: r.region,
      timeZone: r.time_zone,
      channels: storedValues('applications', 'channels', CHANNELS, parseList(r.channels)),
      languages: parseList(r.languages).filter((l): l is string => typeof l === 'string'),
    },
  }));
}

/** A person's matches as mentor and as mentee, newest first. */
export async function listMatchesOfPerson(db: Executor, userId: number): Promise<StoredMatchOfPerson[]> {
  const all = [...(await matchesInRole(db, userId, 'mentor')), ...(await matchesInRole(db, userId, 'mentee'))];
  return all.sort((a, b) => b.matchedAt.localeCompare(a.matchedAt) || b.id - a.id);
}
