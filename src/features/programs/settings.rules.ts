import type { UpdateSettings } from '../../shared/api/settings.ts';
import { isValidTimeZone } from '../../time/calendar-date.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

/** Checks a complete settings value (current merged with a change) for rules across fields. */
export function settingsProblems(
  s: Required<Pick<UpdateSettings, 'timeZone' | 'goalsPerSheetMin' | 'goalsPerSheetMax' | 'eligibilityQuestions'>>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isValidTimeZone(s.timeZone)) {
    problems.push({ path: 'timeZone', message: `"${s.timeZone}" is not a time zone; use a name like America/Chicago.` });
  }
  if (s.goalsPerSheetMin > s.goalsPerSheetMax) {
    problems.push({
      path: 'goalsPerSheetMin',
      message: 'The fewest goals per sheet cannot be more than the most goals per sheet.',
    });
  }
  const keys = new Set<string>();
  s.eligibilityQuestions.forEach((q, i) => {
    if (keys.has(q.key)) problems.push({ path: `eligibilityQuestions.${i}.key`, message: `The key "${q.key}" is used twice.` });
    keys.add(q.key);
  });
  return problems;
}
