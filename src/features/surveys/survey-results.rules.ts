import type { Answers, AnswerValue, Question, QuestionResult, QuestionSummary } from '../../shared/api/surveys.ts';
import type { RespondentRole, ResultBreakdown } from '../../shared/surveys.ts';
import { LIKERT_POINTS } from '../../shared/surveys.ts';
import { groupsBy, showableBreakdowns } from './survey-suppression.rules.ts';
import type { Attributes } from './survey-suppression.rules.ts';
import { isBlank } from './survey.rules.ts';

/** Aggregates of a survey's answers, with every group under the threshold hidden. Pure. */

export interface StoredResponse {
  role: RespondentRole;
  answers: Answers;
}

const ROLE_GROUP_LABELS: Record<string, string> = { mentor: 'Mentors', mentee: 'Mentees' };
const BREAKDOWN_ORDER: readonly ResultBreakdown[] = ['role'];

const attributesOf = (r: StoredResponse): Attributes => ({ role: r.role });

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Fisher–Yates with the caller's random source, so the order says nothing about who wrote what. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The most free-text answers one summary lists (a random sample of them past that). */
export const TEXTS_SHOWN = 200;

/** Where each place of the shuffle in `sampleOf` takes its item from, plus one; 0 where it is unmoved. */
let moved = new Int32Array(0);

/**
 * A random `max` of `items` (all of them, as they are, when there are no more), in random order:
 * the first `max` steps of a Fisher–Yates shuffle, so every such sample is as likely. Only the
 * places swapped are noted (in `moved`, put back as found before returning), so 200 of 20,000
 * written answers cost 200 steps rather than a copy of them all.
 */
export function sampleOf<T>(items: readonly T[], random: () => number, max: number): readonly T[] {
  if (items.length <= max) return items;
  if (moved.length < items.length) moved = new Int32Array(items.length * 2);
  const at = (k: number) => (moved[k] === 0 ? k : moved[k]! - 1);
  const out: T[] = [];
  const touched: number[] = [];
  try {
    for (let i = 0; i < max; i++) {
      const j = i + Math.floor(random() * (items.length - i));
      out.push(items[at(j)]!);
      moved[j] = at(i) + 1;
      touched.push(j);
    }
  } finally {
    for (const j of touched) moved[j] = 0;
  }
  return out;
}

/**
 * Every summary of the results that lists written answers, changed by `f`, in a fixed order (each
 * question's overall summary, then its breakdowns' groups). The results given are not changed.
 */
export function mapTextSummaries(results: readonly QuestionResult[], f: (summary: QuestionSummary) => QuestionSummary): QuestionResult[] {
  const each = (summary: QuestionSummary) => (summary.texts === null ? summary : f(summary));
  return results.map((q) => ({
    ...q,
    overall: q.overall.suppressed ? q.overall : { ...q.overall, ...each(q.overall) },
    breakdowns: q.breakdowns.map((b) =>
      Array.isArray(b.groups) ? { ...b, groups: b.groups.map((g) => ({ ...g, summary: each(g.summary) })) } : b,
    ),
  }));
}

/**
 * The results as one page shows them: at most `max` written answers per summary, a different
 * random sample each time (20,000 answers made a results page of 2 MB, and nobody reads that
 * many at once). The results given are not changed: they may be kept and sampled again.
 */
export function sampleTexts(results: readonly QuestionResult[], random: () => number, max = TEXTS_SHOWN): QuestionResult[] {
  return mapTextSummaries(results, (summary) =>
    summary.texts !== null && summary.texts.length > max ? { ...summary, texts: [...sampleOf(summary.texts, random, max)] } : summary,
  );
}

/** One question's answers from one group; the caller has already checked the group is big enough. */
export function summarize(q: Question, values: readonly AnswerValue[], o: { min: number; random: () => number }): QuestionSummary {
  const base = { answered: values.length, counts: null, mean: null, median: null, texts: null, textsTotal: null };
  switch (q.kind) {
    case 'likert':
    case 'number': {
      const numbers = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
      const mean = numbers.length === 0 ? null : round2(numbers.reduce((s, n) => s + n, 0) / numbers.length);
      const counts =
        q.kind === 'likert'
          ? LIKERT_POINTS.map((point, i) => ({
              label: `${point} · ${q.options[i] ?? ''}`.trim(),
              count: numbers.filter((n) => n === point).length,
            }))
          : null;
      return { ...base, counts, mean, median: median(numbers) };
    }
    case 'single':
    case 'multiple':
      return {
        ...base,
        counts: q.options.map((label) => ({
          label,
          count: values.filter((v) => v === label || (Array.isArray(v) && v.includes(label))).length,
        })),
      };
    case 'short-text':
    case 'long-text': {
      // Free text only when at least the threshold wrote some, without names, in random order
      // (all of them: sampleTexts keeps what one page shows).
      if (values.length < o.min) return base;
      const texts = values.filter((v): v is string => typeof v === 'string');
      return { ...base, texts: shuffled(texts, o.random), textsTotal: texts.length };
    }
  }
}

const tooFew = (min: number) => ({
  suppressed: true as const,
  reason: `Fewer than ${min} people answered, so this is not shown.`,
});
const byDifference = (min: number) => ({
  suppressed: true as const,
  reason: `A group here has fewer than ${min} people (or could be worked out by difference), so this breakdown is not shown.`,
});

/**
 * Each question's results: everyone who answered it (when at least `min` did), and each
 * breakdown asked for, when `showableBreakdowns` allows it for that question's respondents.
 */
export function surveyResults(
  questions: readonly Question[],
  responses: readonly StoredResponse[],
  o: { min: number; by: readonly ResultBreakdown[]; random: () => number },
): QuestionResult[] {
  return questions.map((q) => {
    const answered = responses.filter((r) => !isBlank(r.answers[q.id]));
    const values = answered.map((r) => r.answers[q.id]!);
    const people = answered.map(attributesOf);
    const showable = showableBreakdowns(people, BREAKDOWN_ORDER, o.min);
    const overall = answered.length >= o.min ? { suppressed: false as const, ...summarize(q, values, o) } : tooFew(o.min);
    const breakdowns = o.by.map((by) => {
      if (!showable.includes(by)) return { by, groups: answered.length < o.min ? tooFew(o.min) : byDifference(o.min) };
      const groups = [...groupsBy(people, by).entries()].map(([value, members]) => ({
        value,
        label: by === 'role' ? (ROLE_GROUP_LABELS[value] ?? value) : value,
        summary: summarize(
          q,
          members.map((i) => values[i]!),
          o,
        ),
      }));
      return { by, groups };
    });
    return { questionId: q.id, section: q.section, kind: q.kind, text: q.text, audience: q.audience, overall, breakdowns };
  });
}
