import { z } from 'zod';
import type { Criterion } from './criteria.ts';
import { CRITERIA } from './criteria.ts';

/**
 * Each criterion's settings for a run: weight, must, and parameters of its formula. The criteria
 * themselves (names, order, formulas, words) are CRITERION_TABLE in criteria.ts.
 */

export interface CriterionWeight {
  /** Relative importance, >= 0. 0 switches the criterion off for scoring. */
  readonly weight: number;
  /** Forbid pairs for which the criterion applies and its value is 0. */
  readonly must: boolean;
}

export interface Weights {
  readonly goals: CriterionWeight;
  readonly interests: CriterionWeight;
  readonly workplace: CriterionWeight;
  /** Ideal when the mentor has idealMin..idealMax more years; fades to 0 over `falloff` years outside. */
  readonly experience: CriterionWeight & { readonly idealMin: number; readonly idealMax: number; readonly falloff: number };
  readonly channels: CriterionWeight;
  /** 1 in the same offset, falling linearly to 0 at `zeroAtHours` apart. */
  readonly timeZone: CriterionWeight & { readonly zeroAtHours: number };
  readonly region: CriterionWeight;
  readonly language: CriterionWeight;
  readonly preferences: CriterionWeight;
}

export const DEFAULT_WEIGHTS: Weights = {
  goals: { weight: 3, must: false },
  interests: { weight: 3, must: false },
  workplace: { weight: 2, must: false },
  experience: { weight: 2, must: false, idealMin: 3, idealMax: 15, falloff: 10 },
  channels: { weight: 1, must: false },
  timeZone: { weight: 1, must: false, zeroAtHours: 6 },
  region: { weight: 1, must: false },
  language: { weight: 2, must: false },
  preferences: { weight: 2, must: false },
};

const weight = z.number().finite().min(0).max(1000);
const base = { weight: weight.optional(), must: z.boolean().optional() };
const plain = z.object(base).strict().optional();

/**
 * Schema of weights.json. Every key is optional and falls back to DEFAULT_WEIGHTS, e.g.
 * `{ "language": { "must": true }, "experience": { "weight": 3, "idealMin": 2 } }`.
 */
export const weightsSchema = z
  .object({
    goals: plain,
    interests: plain,
    workplace: plain,
    experience: z
      .object({
        ...base,
        idealMin: z.number().finite().min(0).optional(),
        idealMax: z.number().finite().min(0).optional(),
        falloff: z.number().finite().positive().optional(),
      })
      .strict()
      .optional(),
    channels: plain,
    timeZone: z
      .object({ ...base, zeroAtHours: z.number().finite().positive().max(24).optional() })
      .strict()
      .optional(),
    region: plain,
    language: plain,
    preferences: plain,
  })
  .strict()
  .transform((input): Weights => {
    const merged = { ...DEFAULT_WEIGHTS } as Record<Criterion, CriterionWeight>;
    for (const key of CRITERIA) {
      const given = input[key];
      if (given !== undefined) {
        const cleaned = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
        merged[key] = { ...DEFAULT_WEIGHTS[key], ...cleaned };
      }
    }
    return merged as unknown as Weights;
  })
  .refine((w) => w.experience.idealMin <= w.experience.idealMax, {
    message: 'experience.idealMin must not exceed experience.idealMax',
  });

export type WeightsInput = z.input<typeof weightsSchema>;

/** Each criterion's settings: the same names as CRITERION_TABLE, no more, no fewer. */
type SameNames<A, B> = [Exclude<A, B> | Exclude<B, A>] extends [never] ? true : false;
const _weightsNameEveryCriterion: SameNames<keyof Weights, Criterion> = true;
const _weightsJsonNamesEveryCriterion: SameNames<keyof WeightsInput, Criterion> = true;
