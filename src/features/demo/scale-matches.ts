import type { ApplicationStatus } from '../../shared/application-vocabulary.ts';
import type { Row } from './bulk-insert.ts';
import type { PlannedApplication } from './scale-people.ts';

/**
 * Who was accepted and who was matched with whom, period by period: most applicants are
 * accepted, mentees are dealt out to mentors up to each mentor's capacity, a few are left
 * unmatched, withdraw or are declined. In the active period a few still wait for a decision.
 */

export interface PlannedMatch {
  id: number;
  periodIndex: number;
  mentor: PlannedApplication;
  mentee: PlannedApplication;
  /** Ended before the program year did (by hand, with a reason). */
  endedEarly: boolean;
}

/** Outcomes drawn before matching, each with its share; the rest go into the matching pool. */
const MENTEE_OUTCOMES: [ApplicationStatus, number][] = [
  ['withdrawn', 0.03],
  ['declined', 0.02],
  ['waitlisted', 0.02],
];
const MENTOR_OUTCOMES: [ApplicationStatus, number][] = [
  ['withdrawn', 0.02],
  ['declined', 0.01],
];
/** In the active period, applications still under review or accepted after the matching run. */
const OPEN_OUTCOMES: [ApplicationStatus, number][] = [
  ['submitted', 0.01],
  ['accepted', 0.02],
];
/** Mentees the matching left out (no fitting mentor). */
const UNMATCHED_SHARE = 0.04;
const ENDED_EARLY_SHARE = 0.03;

function drawOutcome(random: () => number, outcomes: readonly [ApplicationStatus, number][]): ApplicationStatus | null {
  let r = random();
  for (const [status, share] of outcomes) {
    if (r < share) return status;
    r -= share;
  }
  return null;
}

/**
 * Sets every application's status and returns the period's matches. `first` (the named mentor
 * and mentee) are paired with each other before anyone else.
 */
export function planMatches(o: {
  applications: readonly PlannedApplication[];
  periodIndex: number;
  active: boolean;
  random: () => number;
  firstMatchId: number;
  first?: { mentorUserId: number; menteeUserId: number };
}): PlannedMatch[] {
  const { random } = o;
  const mine = o.applications.filter((a) => a.periodIndex === o.periodIndex);
  const isFirst = (a: PlannedApplication) => a.userId === o.first?.mentorUserId || a.userId === o.first?.menteeUserId;
  const mentors: PlannedApplication[] = [];
  const mentees: PlannedApplication[] = [];
  for (const a of mine) {
    const outcome = isFirst(a)
      ? null
      : (drawOutcome(random, a.role === 'mentor' ? MENTOR_OUTCOMES : MENTEE_OUTCOMES) ??
        (o.active ? drawOutcome(random, OPEN_OUTCOMES) : null));
    if (outcome) a.status = outcome;
    else if (a.role === 'mentor') mentors.push(a);
    else if (!isFirst(a) && random() < UNMATCHED_SHARE) a.status = 'unmatched';
    else mentees.push(a);
  }
  const matches: PlannedMatch[] = [];
  const load = new Map<number, number>();
  const pair = (mentor: PlannedApplication, mentee: PlannedApplication) => {
    matches.push({
      id: o.firstMatchId + matches.length,
      periodIndex: o.periodIndex,
      mentor,
      mentee,
      endedEarly: !isFirst(mentee) && random() < ENDED_EARLY_SHARE,
    });
    load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
    mentor.status = 'matched';
    mentee.status = 'matched';
  };
  const firstMentor = mentors.find((a) => a.userId === o.first?.mentorUserId);
  const firstMentee = mentees.find((a) => a.userId === o.first?.menteeUserId);
  if (firstMentor && firstMentee) {
    firstMentor.capacity = Math.max(firstMentor.capacity, 2);
    pair(firstMentor, firstMentee);
  }
  // Round the mentors in turn, skipping the full ones: every mentor gets about the same number.
  let next = 0;
  for (const mentee of mentees) {
    if (mentee.status === 'matched') continue;
    let paired = false;
    for (let tried = 0; tried < mentors.length && !paired; tried++) {
      const mentor = mentors[next % mentors.length] as PlannedApplication;
      next += 1;
      if ((load.get(mentor.id) ?? 0) < mentor.capacity) {
        pair(mentor, mentee);
        paired = true;
      }
    }
    if (!paired) mentee.status = 'unmatched';
  }
  for (const mentor of mentors) if (mentor.status !== 'matched') mentor.status = 'unmatched';
  return matches;
}

const EXPLANATIONS = [
  'Shared program goals and interests; both prefer video calls.',
  'Close in time zone, with overlapping interests in outreach and programming.',
  'The mentor’s experience fits the mentee’s first goal; both like to meet monthly.',
  'Both work in public libraries and share two program goals.',
];
const EARLY_END_REASONS = [
  'The mentee changed jobs and left the field for now.',
  'The pair agreed to end the match after a long pause.',
  'The mentor stepped back for health reasons.',
];

export function matchRows(
  matches: readonly PlannedMatch[],
  o: {
    periodId: number;
    random: () => number;
    matchedAt: string;
    /** When the program year ended for every pair, or null while it runs. */
    yearEndedAt: string | null;
    /** A moment before today (or before the year ended) for matches that ended early. */
    endedEarlyAt: string;
    staffId: number;
    liaisonIds: readonly number[];
  },
): { matches: Row<'matches'>[]; events: Row<'match_events'>[] } {
  const rows: Row<'matches'>[] = [];
  const events: Row<'match_events'>[] = [];
  for (const [k, m] of matches.entries()) {
    const endedAt = m.endedEarly ? o.endedEarlyAt : o.yearEndedAt;
    const reason = m.endedEarly ? (EARLY_END_REASONS[k % EARLY_END_REASONS.length] as string) : 'The program year ended.';
    const liaison = o.liaisonIds.length > 0 ? (o.liaisonIds[k % o.liaisonIds.length] ?? null) : null;
    rows.push({
      id: m.id,
      period_id: o.periodId,
      mentor_user_id: m.mentor.userId,
      mentee_user_id: m.mentee.userId,
      mentor_application_id: m.mentor.id,
      mentee_application_id: m.mentee.id,
      matching_run_id: null,
      score: Math.round((0.55 + o.random() * 0.4) * 1000) / 1000,
      explanation: EXPLANATIONS[k % EXPLANATIONS.length] as string,
      status: endedAt ? 'ended' : 'active',
      matched_at: o.matchedAt,
      ended_at: endedAt,
      end_reason: endedAt ? reason : null,
      ended_by: endedAt ? o.staffId : null,
      liaison_user_id: liaison,
    });
    events.push({ match_id: m.id, kind: 'made', actor_id: o.staffId, details: '{}', created_at: o.matchedAt });
    if (liaison !== null) {
      events.push({
        match_id: m.id,
        kind: 'liaison_assigned',
        actor_id: o.staffId,
        details: JSON.stringify({ liaisonUserId: liaison, previousLiaisonUserId: null, spread: true }),
        created_at: o.matchedAt,
      });
    }
    if (endedAt) {
      events.push({ match_id: m.id, kind: 'ended', actor_id: o.staffId, details: JSON.stringify({ reason }), created_at: endedAt });
    }
  }
  return { matches: rows, events };
}
