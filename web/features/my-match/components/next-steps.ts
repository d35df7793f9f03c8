import type { MatchWorkspace } from '../api/get-match-workspace.ts';
import { countdownWords, goalSheetCountsDown } from './countdown-words.ts';

/** One thing a mentor or mentee could do now, with where to do it. */
export interface NextStep {
  /** What to do, as a short sentence ("Send your goal sheet by March 12, 2026"). */
  text: string;
  /** Why now, or what it takes, in a few words; '' when the text says it all. */
  detail: string;
  /** A page (starting with '/') or a section of this page (starting with '#'). */
  href: string;
  /** The link's words. */
  action: string;
}

/** A survey waiting for the person's answers, as the surveys list reports it. */
export interface SurveyToAnswer {
  id: number;
  title: string;
  closesOn: string;
  started: boolean;
}

/** The page's sections that a step can point into (their ids on the match page). */
export const MATCH_SECTIONS = {
  partner: 'partner',
  goalSheet: 'goal-sheet',
  keepingInTouch: 'keeping-in-touch',
  surveysAndEvents: 'surveys-and-events',
  ideas: 'ideas-and-resources',
  newPartner: 'new-partner',
} as const;

/**
 * What a mentor or mentee could do next on their match page, most pressing first: a goal sheet
 * sent back for changes, one still to send, a first contact to log, a survey to answer, then a
 * quiet match to pick up again. Empty when nothing is waiting (or for staff, or an ended match).
 * `formatDate` is passed in so the rule stays free of the browser's locale.
 */
export function nextSteps(w: MatchWorkspace, surveys: readonly SurveyToAnswer[], formatDate: (isoDate: string) => string): NextStep[] {
  if (w.myRole === 'staff' || w.match.status === 'ended') return [];
  const steps: NextStep[] = [];
  const sheet = w.dates.goalSheet;
  const sheetHref = `/matches/${w.match.id}/goal-sheet`;
  const partner = w.people[0]?.name ?? 'your partner';
  if (sheet.status === 'returned') {
    steps.push({
      text: 'Update your goal sheet and send it again',
      detail: 'The program office sent it back with a note.',
      href: sheetHref,
      action: 'Open the goal sheet',
    });
  } else if (goalSheetCountsDown(sheet.status)) {
    const late = sheet.daysLeft < 0;
    steps.push({
      text: late ? `Send your goal sheet: it was due ${formatDate(sheet.on)}` : `Send your goal sheet by ${formatDate(sheet.on)}`,
      detail: late
        ? 'It’s late, but it still counts: agree on your goals together and send it.'
        : `Due ${countdownWords(sheet.daysLeft)}. ${sheet.status === 'draft' ? 'Your draft is saved.' : `Agree on your goals with ${partner} first.`}`,
      href: sheetHref,
      action: sheet.status === 'draft' ? 'Carry on with the goal sheet' : 'Start the goal sheet',
    });
  }
  if (w.contact.lastContactOn === null) {
    steps.push({
      text: `Log your first contact with ${partner}`,
      detail: 'A short hello counts. Logging it lets the program office know you’ve started.',
      href: `#${MATCH_SECTIONS.keepingInTouch}`,
      action: 'Log a contact',
    });
  }
  for (const s of surveys) {
    steps.push({
      text: s.started ? `Finish the survey “${s.title}”` : `Answer the survey “${s.title}”`,
      detail: `Open until ${formatDate(s.closesOn)}. It takes a few minutes.`,
      href: `/surveys/${s.id}`,
      action: s.started ? 'Carry on answering' : 'Answer the survey',
    });
  }
  if (w.contact.lastContactOn !== null && w.contact.quiet) {
    steps.push({
      text: `Get back in touch with ${partner}`,
      detail: `Nothing has been logged for ${w.contact.quietAfterWeeks} weeks or more. A short message is enough.`,
      href: `#${MATCH_SECTIONS.keepingInTouch}`,
      action: 'Log a contact',
    });
  }
  return steps;
}
