import { z } from 'zod';
import { dateOnlySchema, instantSchema, rowIdSchema } from './common.ts';

/** A mentor's own letter for one period they completed. */
export const myLetterSchema = z.object({
  periodId: z.number(),
  periodName: z.string(),
  programEndsOn: dateOnlySchema,
  partners: z.number().int(),
  months: z.number().int(),
  /** Where the PDF downloads from (same origin). */
  downloadUrl: z.string(),
});
export type MyLetter = z.infer<typeof myLetterSchema>;
export const myLetterListSchema = z.object({ letters: z.array(myLetterSchema) });

/** One mentor who completed the period, for staff. */
export const periodLetterSchema = z.object({
  userId: z.number(),
  name: z.string(),
  partners: z.number().int(),
  months: z.number().int(),
  firstMatchedOn: dateOnlySchema,
  /** When their "your letter is ready" e-mail was recorded; null until it is. */
  mailedAt: instantSchema.nullable(),
  /** A disabled account cannot sign in to download, so it is not e-mailed. */
  disabled: z.boolean(),
  downloadUrl: z.string(),
});
export type PeriodLetter = z.infer<typeof periodLetterSchema>;

export const periodLettersSchema = z.object({
  period: z.object({ id: z.number(), name: z.string(), programEndsOn: dateOnlySchema, over: z.boolean() }),
  signer: z.object({ name: z.string(), title: z.string() }).nullable(),
  letters: z.array(periodLetterSchema),
  /** Mentors of the period whose match ended before the program did (no letter). */
  endedEarly: z.number().int(),
  /** Where the one PDF with every letter downloads from. */
  allUrl: z.string(),
});
export type PeriodLetters = z.infer<typeof periodLettersSchema>;

export const sendLettersResultSchema = z.object({
  /** E-mails recorded now. */
  sent: z.number().int(),
  /** Mentors who had been e-mailed before (never twice). */
  alreadySent: z.number().int(),
  /** Mentors with a disabled account: not e-mailed. */
  skipped: z.number().int(),
});
export type SendLettersResult = z.infer<typeof sendLettersResultSchema>;

export const letterParamsSchema = z.strictObject({
  id: z.coerce.number().pipe(rowIdSchema),
  userId: z.coerce.number().pipe(rowIdSchema),
});

/** The app's URLs, shared by the server (download links) and the web app. */
export const letterUrls = {
  one: (periodId: number, userId: number) => `/api/periods/${periodId}/recognition-letters/${userId}.pdf`,
  all: (periodId: number) => `/api/periods/${periodId}/recognition-letters.pdf`,
};
