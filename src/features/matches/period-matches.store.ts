import type { Executor } from '../../db/executor.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';
import { storedValue } from '../../db/stored-value.ts';
import { MATCH_STATUSES } from '../../shared/match-status.ts';
import type { MatchStatus } from '../../shared/match-status.ts';

/** A match of a period as a list for staff shows it: the pair, how it stands, who looks after it. */
export interface PeriodMatchRow {
  id: number;
  status: MatchStatus;
  matchedAt: string;
  endedAt: string | null;
  endReason: string | null;
  score: number;
  explanation: string;
  mentor: { id: number; name: string; email: string };
  mentee: { id: number; name: string; email: string };
  liaisonName: string | null;
}

/** Every match of a period, ended ones too, oldest first. A read: no locking needed. */
export async function listPeriodMatchRows(db: Executor, periodId: number): Promise<PeriodMatchRow[]> {
  const rows = await selectMatchWithPeople(db)
    .leftJoin('users as lu', 'lu.id', 'm.liaison_user_id')
    .select([
      'm.id',
      'm.status',
      'm.matched_at',
      'm.ended_at',
      'm.end_reason',
      'm.score',
      'm.explanation',
      'mu.id as mentor_id',
      'mu.name as mentor_name',
      'mu.email as mentor_email',
      'eu.id as mentee_id',
      'eu.name as mentee_name',
      'eu.email as mentee_email',
      'lu.name as liaison_name',
    ])
    .where('m.period_id', '=', periodId)
    .orderBy('m.matched_at')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: storedValue('matches', 'status', MATCH_STATUSES, r.status),
    matchedAt: r.matched_at,
    endedAt: r.ended_at,
    endReason: r.end_reason,
    score: Number(r.score),
    explanation: r.explanation,
    mentor: { id: r.mentor_id, name: r.mentor_name, email: r.mentor_email },
    mentee: { id: r.mentee_id, name: r.mentee_name, email: r.mentee_email },
    liaisonName: r.liaison_name,
  }));
}
