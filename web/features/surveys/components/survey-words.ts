import type { RespondentRole, SurveyAudience, SurveyState } from '../../../../src/shared/surveys.ts';
import { formatDate } from '../../../lib/format-date.ts';

export type Tone = 'neutral' | 'success' | 'danger' | 'info' | 'warning';

export const STATE_TONES: Record<SurveyState, Tone> = {
  draft: 'warning',
  scheduled: 'info',
  open: 'success',
  closed: 'neutral',
};

export const ROLE_WORDS: Record<RespondentRole, { one: string; many: string }> = {
  mentor: { one: 'mentor', many: 'mentors' },
  mentee: { one: 'mentee', many: 'mentees' },
};

/** Who is asked, as the end of a sentence: "every matched mentor and mentee of 2026 spring cohort". */
export function audienceWords(audience: SurveyAudience, periodName: string): string {
  const who = audience === 'both' ? 'mentor and mentee' : audience === 'mentors' ? 'mentor' : 'mentee';
  return `every matched ${who} of ${periodName}`;
}

/** Whether someone answering as this role is asked at all. */
export function audienceIncludes(audience: SurveyAudience, role: RespondentRole): boolean {
  return audience === 'both' || (audience === 'mentors' ? role === 'mentor' : role === 'mentee');
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** 0.3 → "30%"; nothing to divide by → "0%". */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '0%';
}

/** "12 of 40 answered (30%)". */
export function rateWords(responded: number, invited: number): string {
  return `${responded} of ${invited} answered (${percent(responded, invited)})`;
}

/** "1 to 14 March 2026" style, with the dates in the person's own words. */
export function datesWords(opensOn: string, closesOn: string): string {
  return `${formatDate(opensOn)} to ${formatDate(closesOn)}`;
}

/** What a person answering is told about who sees their answers. */
export function privacyWords(named: boolean, minGroupSize: number | undefined): string {
  if (named) {
    return 'This survey is named: the program office will see your answers with your name, so they can follow up with you. Nobody else will.';
  }
  const groups = minGroupSize ? `groups of ${minGroupSize} or more people` : 'groups large enough that nobody can be picked out';
  return `Your answers are kept apart from your name; results are shown only for ${groups}. Anything you write is read as you wrote it, so leave out names if you’d rather not be recognised.`;
}
