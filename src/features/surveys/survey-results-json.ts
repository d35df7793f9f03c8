import type { SurveyResults } from '../../shared/api/surveys.ts';
import { mapTextSummaries, sampleOf, TEXTS_SHOWN } from './survey-results.rules.ts';

/**
 * A closed survey's results written to JSON once, with a gap wherever a summary has more written
 * answers than a page shows; each answer sent fills the gaps with a fresh sample. Every written
 * answer is turned into JSON once too, so a page costs a join of 600 short strings rather than
 * checking and writing its 50 KB again (most of a results request's time). Pure.
 */
export interface SampledJson {
  /** The JSON around the gaps: one more than there are gaps. */
  readonly between: readonly string[];
  /** Each gap's written answers, each already JSON. */
  readonly gaps: readonly (readonly string[])[];
  /** Which gap comes where in the text: gaps are sampled in their own order, as sampleTexts does. */
  readonly order: readonly number[];
  readonly max: number;
}

/**
 * `results` must already be what the route's schema lets out (checked once by the caller).
 * `marker` is a random word nobody else knows: no answer can contain it by chance or by design.
 */
export function sampledJsonOf(results: SurveyResults, marker: string, max = TEXTS_SHOWN): SampledJson {
  if (!/^[0-9a-f]{16,}$/.test(marker)) throw new Error('The marker must be at least 16 hex digits.');
  const gaps: string[][] = [];
  const questions = mapTextSummaries(results.questions, (summary) => {
    if (summary.texts === null || summary.texts.length <= max) return summary;
    gaps.push(summary.texts.map((text) => JSON.stringify(text)));
    return { ...summary, texts: [`${marker}:${gaps.length - 1}`] };
  });
  const parts = JSON.stringify({ ...results, questions }).split(new RegExp(`\\["${marker}:(\\d+)"\\]`));
  const between = parts.filter((_, i) => i % 2 === 0);
  const order = parts.filter((_, i) => i % 2 === 1).map(Number);
  if (order.length !== gaps.length) throw new Error('Every gap must appear once in the JSON.');
  return { between, gaps, order, max };
}

/** The results' JSON with a fresh random sample of written answers in each gap. */
export function writeSampled(json: SampledJson, random: () => number): string {
  const samples = json.gaps.map((texts) => `[${sampleOf(texts, random, json.max).join(',')}]`);
  let out = json.between[0]!;
  json.order.forEach((gap, i) => {
    out += samples[gap]! + json.between[i + 1]!;
  });
  return out;
}
