import { compiledOnce } from '../../db/compiled-once.ts';
import type { Executor } from '../../db/executor.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';
import { storedValue, storedValues } from '../../db/stored-value.ts';
import { GOAL_SHEET_STATUSES } from '../../shared/api/goal-sheets.ts';
import { RESOURCE_KINDS } from '../../shared/api/resources.ts';
import type { Audience, ResourceKind } from '../../shared/api/resources.ts';
import { CHANNELS } from '../../shared/channels.ts';
import type { Channel } from '../../shared/channels.ts';
import type { WorkspacePerson, WorkspaceSheetState } from '../../shared/api/workspace.ts';
import { MATCH_STATUSES } from '../../shared/match-status.ts';
import type { MatchStatus } from '../../shared/match-status.ts';
import { parseList } from './matches.store.ts';

/** One side of a match: what a partner may see, plus the answers the workspace reasons with. */
export interface MatchSide {
  person: WorkspacePerson;
  meetInPerson: boolean;
  programGoalIds: number[];
}

export interface WorkspaceMatch {
  id: number;
  periodId: number;
  periodName: string;
  programEndsOn: string;
  status: MatchStatus;
  matchedAt: string;
  explanation: string;
  menteeApplicationId: number;
  mentorApplicationId: number;
  mentor: MatchSide;
  mentee: MatchSide;
  /** The committee member who looks after the pair; null when none is assigned (or their account is disabled). */
  liaison: { userId: number; name: string; email: string } | null;
}

const channelsOf = (text: string): Channel[] => storedValues('applications', 'channels', CHANNELS, parseList(text));
const stringsOf = (text: string): string[] => parseList(text).filter((l): l is string => typeof l === 'string');
const idsOf = (text: string): number[] => parseList(text).filter((n): n is number => typeof n === 'number' && Number.isInteger(n));

/**
 * A match with both people, in one query. Only the application columns a partner may see are
 * selected (and the in-person answer and program goals the workspace needs): confidential
 * preferences, hopes and eligibility answers never leave the database here.
 */
const workspaceMatch = compiledOnce((db, matchId: number) =>
  selectMatchWithPeople(db)
    .innerJoin('applications as ra', 'ra.id', 'm.mentor_application_id')
    .innerJoin('applications as ea', 'ea.id', 'm.mentee_application_id')
    .leftJoin('users as lu', (join) => join.onRef('lu.id', '=', 'm.liaison_user_id').on('lu.disabled_at', 'is', null))
    .select([
      'm.id',
      'm.period_id',
      'p.name as period_name',
      'p.program_ends_on',
      'm.status',
      'm.matched_at',
      'm.explanation',
      'm.mentee_application_id',
      'm.mentor_application_id',
      'mu.id as r_user_id',
      'mu.name as r_name',
      'mu.email as r_email',
      'ra.phone as r_phone',
      'ra.job_title as r_job_title',
      'ra.employer as r_employer',
      'ra.region as r_region',
      'ra.time_zone as r_time_zone',
      'ra.channels as r_channels',
      'ra.languages as r_languages',
      'ra.meet_in_person as r_meet_in_person',
      'ra.program_goal_ids as r_program_goal_ids',
      'eu.id as e_user_id',
      'eu.name as e_name',
      'eu.email as e_email',
      'ea.phone as e_phone',
      'ea.job_title as e_job_title',
      'ea.employer as e_employer',
      'ea.region as e_region',
      'ea.time_zone as e_time_zone',
      'ea.channels as e_channels',
      'ea.languages as e_languages',
      'ea.meet_in_person as e_meet_in_person',
      'ea.program_goal_ids as e_program_goal_ids',
      'lu.id as l_user_id',
      'lu.name as l_name',
      'lu.email as l_email',
    ])
    .where('m.id', '=', matchId),
);

export async function findWorkspaceMatch(db: Executor, matchId: number): Promise<WorkspaceMatch | undefined> {
  const [r] = (await db.executeQuery(workspaceMatch(db, matchId))).rows;
  if (!r) return undefined;
  return {
    id: r.id,
    periodId: r.period_id,
    periodName: r.period_name,
    programEndsOn: r.program_ends_on,
    status: storedValue('matches', 'status', MATCH_STATUSES, r.status),
    matchedAt: r.matched_at,
    explanation: r.explanation,
    menteeApplicationId: r.mentee_application_id,
    mentorApplicationId: r.mentor_application_id,
    mentor: {
      person: {
        userId: r.r_user_id,
        role: 'mentor',
        name: r.r_name,
        email: r.r_email,
        phone: r.r_phone,
        jobTitle: r.r_job_title,
        employer: r.r_employer,
        region: r.r_region,
        timeZone: r.r_time_zone,
        channels: channelsOf(r.r_channels),
        languages: stringsOf(r.r_languages),
      },
      meetInPerson: r.r_meet_in_person === 1,
      programGoalIds: idsOf(r.r_program_goal_ids),
    },
    mentee: {
      person: {
        userId: r.e_user_id,
        role: 'mentee',
        name: r.e_name,
        email: r.e_email,
        phone: r.e_phone,
        jobTitle: r.e_job_title,
        employer: r.e_employer,
        region: r.e_region,
        timeZone: r.e_time_zone,
        channels: channelsOf(r.e_channels),
        languages: stringsOf(r.e_languages),
      },
      meetInPerson: r.e_meet_in_person === 1,
      programGoalIds: idsOf(r.e_program_goal_ids),
    },
    liaison:
      r.l_user_id === null || r.l_name === null || r.l_email === null ? null : { userId: r.l_user_id, name: r.l_name, email: r.l_email },
  };
}

const goalSheetState = compiledOnce((db, matchId: number) => db.selectFrom('goal_sheets').select('status').where('match_id', '=', matchId));

/** Where the match's goal sheet stands; 'not_started' when there is no sheet yet. */
export async function findGoalSheetState(db: Executor, matchId: number): Promise<WorkspaceSheetState> {
  const [row] = (await db.executeQuery(goalSheetState(db, matchId))).rows;
  if (!row) return 'not_started';
  return storedValue('goal_sheets', 'status', GOAL_SHEET_STATUSES, row.status);
}

const contactSummaryQuery = compiledOnce((db, matchId: number, from: string, until: string) =>
  db
    .selectFrom('contacts')
    .select((eb) => [
      eb.fn.max('occurred_on').as('last_on'),
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when(eb.and([eb('occurred_on', '>=', from), eb('occurred_on', '<', until)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('in_range'),
    ])
    .where('match_id', '=', matchId),
);

/** The last logged contact and how many were logged in [from, until) — one query. */
export async function contactSummary(
  db: Executor,
  matchId: number,
  from: string,
  until: string,
): Promise<{ lastContactOn: string | null; inRange: number }> {
  const [row] = (await db.executeQuery(contactSummaryQuery(db, matchId, from, until))).rows;
  return { lastContactOn: row?.last_on ?? null, inRange: Number(row?.in_range ?? 0) };
}

export interface ResourceLine {
  id: number;
  title: string;
  kind: ResourceKind;
  topic: string;
}

const resourcesFor = (audiences: readonly Audience[]) =>
  compiledOnce((db, limit: number) =>
    db
      .selectFrom('resources')
      .select(['id', 'title', 'kind', 'topic'])
      .where('audience', 'in', audiences)
      .orderBy('position')
      .orderBy('id')
      .limit(limit),
  );

/** One compiled query per set of audiences (a participant's page asks one of three). */
const resourcesForQueries = new Map<string, ReturnType<typeof resourcesFor>>();
function resourcesForQuery(audiences: readonly Audience[]): ReturnType<typeof resourcesFor> {
  const key = audiences.join(',');
  let query = resourcesForQueries.get(key);
  if (query === undefined) {
    query = resourcesFor(audiences);
    resourcesForQueries.set(key, query);
  }
  return query;
}

/** The first few resources for these audiences, in the program's order. */
export async function listResourcesFor(db: Executor, audiences: readonly Audience[], limit: number): Promise<ResourceLine[]> {
  const { rows } = await db.executeQuery(resourcesForQuery(audiences)(db, limit));
  return rows.map((r) => ({ id: r.id, title: r.title, kind: storedValue('resources', 'kind', RESOURCE_KINDS, r.kind), topic: r.topic }));
}
