import type { ApplicationAnswers } from '../../shared/api/applications.ts';
import type { EligibilityQuestion } from '../../shared/api/settings.ts';
import type { ApplicationRole, ApplicationStatus } from '../../shared/application-vocabulary.ts';
import type { PeriodStatus } from '../../shared/period-status.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';

/** What the window rule needs of a period. */
export interface ApplicationWindow {
  status: PeriodStatus;
  applicationsOpenOn: string;
  applicationsCloseOn: string;
}

/**
 * Applications are taken while the period is open for them AND the calendar in the program's time
 * zone is between the opening and closing dates, both inclusive: "applications close on the 30th"
 * means a librarian in that time zone can still apply late on the 30th.
 */
export function isWindowOpen(period: ApplicationWindow, now: Date, timeZone: string): boolean {
  if (period.status !== 'applications_open') return false;
  const today = calendarDateIn(timeZone, now);
  return today >= period.applicationsOpenOn && today <= period.applicationsCloseOn;
}

/** Statuses the applicant may still change their mind in; after a decline or a match they may not. */
const APPLICANT_CHANGEABLE: readonly ApplicationStatus[] = ['submitted', 'accepted', 'waitlisted'];

export function canApplicantChange(status: ApplicationStatus, windowOpen: boolean): boolean {
  return windowOpen && APPLICANT_CHANGEABLE.includes(status);
}

export type Decision = 'accepted' | 'waitlisted' | 'declined';

/** Reviewers may change their minds until matching has used the application or the applicant withdrew. */
export const DECIDABLE_STATUSES: readonly ApplicationStatus[] = ['submitted', 'waitlisted', 'accepted'];

export function isLegalDecision(from: ApplicationStatus, to: Decision): boolean {
  return DECIDABLE_STATUSES.includes(from) && from !== to;
}

/**
 * The texts of the eligibility questions for this role whose required answer was not given
 * (answered otherwise, or not at all). Empty = eligible. Reviewers see the list; it does not block
 * an application, because staff sometimes make exceptions (a membership renewed next week).
 */
export function eligibilityProblems(
  questions: readonly EligibilityQuestion[],
  role: ApplicationRole,
  answers: Readonly<Record<string, 'yes' | 'no'>>,
): string[] {
  return questions
    .filter((q) => q.appliesTo === 'both' || q.appliesTo === role)
    .filter((q) => q.requiredAnswer !== null && answers[q.key] !== q.requiredAnswer)
    .map((q) => q.text);
}

export type BulkOutcome = 'change' | 'already' | 'final' | 'eligibility';

/**
 * What a bulk decision does to one application: the single decision's rule (isLegalDecision), and
 * for an acceptance also the eligibility answers. One by one a reviewer may accept someone whose
 * answer needs a look (they read it first); a bulk acceptance reads nothing, so it leaves them for
 * that look instead.
 */
export function bulkOutcome(
  a: { status: ApplicationStatus; role: ApplicationRole; eligibilityAnswers: Readonly<Record<string, 'yes' | 'no'>> },
  decision: Decision,
  questions: readonly EligibilityQuestion[],
): BulkOutcome {
  if (a.status === decision) return 'already';
  if (!isLegalDecision(a.status, decision)) return 'final';
  if (decision === 'accepted' && eligibilityProblems(questions, a.role, a.eligibilityAnswers).length > 0) return 'eligibility';
  return 'change';
}

/**
 * Someone not matched (unmatched) or left on the waitlist may ask to be carried into the next
 * period. A declined applicant may not: the program said no for a reason, and re-applying by hand
 * lets a reviewer look again.
 */
export function mayCarryForward(status: ApplicationStatus): boolean {
  return status === 'unmatched' || status === 'waitlisted';
}

function tidyList(items: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of items) {
    const item = raw.trim();
    const key = item.toLowerCase();
    if (item === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

/**
 * Answers as stored: lists trimmed and without case-insensitive duplicates (the matcher counts
 * shared interests, so "Storytime" twice must not count twice), goal ids and channels unique,
 * eligibility answers only for the role's questions, and a mentee's capacity always 1.
 */
export function normaliseAnswers(
  answers: ApplicationAnswers,
  role: ApplicationRole,
  questions: readonly EligibilityQuestion[],
): ApplicationAnswers {
  const keys = new Set(questions.filter((q) => q.appliesTo === 'both' || q.appliesTo === role).map((q) => q.key));
  return {
    ...answers,
    region: answers.region.trim().toUpperCase(),
    interests: tidyList(answers.interests),
    languages: tidyList(answers.languages),
    programGoalIds: [...new Set(answers.programGoalIds)],
    channels: [...new Set(answers.channels)],
    eligibilityAnswers: Object.fromEntries(Object.entries(answers.eligibilityAnswers).filter(([k]) => keys.has(k))),
    capacity: role === 'mentee' ? 1 : answers.capacity,
  };
}

export type AnswerProblemCode = 'UNKNOWN_PROGRAM_GOAL' | 'INVALID_TIME_ZONE' | 'CHANNEL_NOT_OFFERED';
export interface AnswerProblem {
  code: AnswerProblemCode;
  /** The answer's field, as in the request body. */
  path: string;
  message: string;
}

/**
 * What the answers' schema cannot know: the program's goals (retired ones are no longer offered,
 * but an application that already chose one may keep it), the channels the program offers, and
 * whether the time zone exists. `isTimeZone` is passed in so this stays free of Intl's data.
 */
export function answerProblems(
  answers: Pick<ApplicationAnswers, 'programGoalIds' | 'channels' | 'timeZone'>,
  program: { goals: readonly { id: number; retired: boolean }[]; channels: readonly string[]; keepGoalIds?: readonly number[] },
  isTimeZone: (tz: string) => boolean,
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const offered = new Set(program.goals.filter((g) => !g.retired || program.keepGoalIds?.includes(g.id)).map((g) => g.id));
  const unknown = answers.programGoalIds.filter((id) => !offered.has(id));
  if (unknown.length > 0) {
    problems.push({
      code: 'UNKNOWN_PROGRAM_GOAL',
      path: 'answers.programGoalIds',
      message: `The program has no current goal ${unknown.join(', ')}; choose from the goals on the form.`,
    });
  }
  if (!isTimeZone(answers.timeZone)) {
    problems.push({
      code: 'INVALID_TIME_ZONE',
      path: 'answers.timeZone',
      message: `"${answers.timeZone}" is not a time zone; choose one from the list.`,
    });
  }
  const notOffered = answers.channels.filter((c) => !program.channels.includes(c));
  if (notOffered.length > 0) {
    problems.push({
      code: 'CHANNEL_NOT_OFFERED',
      path: 'answers.channels',
      message: `The program does not offer ${notOffered.join(', ')} as a way to keep in touch.`,
    });
  }
  return problems;
}
