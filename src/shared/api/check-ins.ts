import { z } from 'zod';
import { CHECK_IN_ANSWERS } from '../match-management.ts';
import { instantSchema } from './common.ts';

/**
 * Check-ins: staff ask both people of a match how it is going; each answers with one click,
 * "all good" or "I'd like to talk to the program office". The link in the e-mail opens a page
 * (a GET that changes nothing, so a mail scanner that follows links answers nothing); the answer
 * is a POST from that page.
 */

export const checkInAnswerSchema = z.enum(CHECK_IN_ANSWERS);

/** Longest personal note staff may add to a check-in e-mail. */
export const CHECK_IN_NOTE_MAX = 1000;

export const sendCheckInBodySchema = z.strictObject({
  /** A few words from the program office, added to the e-mail; may be empty. */
  note: z.string().trim().max(CHECK_IN_NOTE_MAX, `Keep the note under ${CHECK_IN_NOTE_MAX} characters.`).default(''),
});
export type SendCheckInBody = z.input<typeof sendCheckInBodySchema>;

export const checkInSentSchema = z.object({ matchId: z.number(), sentTo: z.number(), sentAt: instantSchema, expiresAt: instantSchema });
export type CheckInSent = z.infer<typeof checkInSentSchema>;

export const checkInHandledSchema = z.object({ matchId: z.number(), handled: z.number() });

export const checkInTokenParamsSchema = z.strictObject({ token: z.string().min(10).max(200) });

/** What the answer page shows before anything is posted. No names: the link may have been forwarded. */
export const checkInViewSchema = z.object({
  programName: z.string(),
  /** open: may be answered; answered: the first answer stands; expired: too late. */
  status: z.enum(['open', 'answered', 'expired']),
  answer: checkInAnswerSchema.nullable(),
  expiresAt: instantSchema,
});
export type CheckInView = z.infer<typeof checkInViewSchema>;

export const answerCheckInBodySchema = z.strictObject({ answer: checkInAnswerSchema });

export const checkInAnswerResultSchema = z.object({
  /** The answer that stands: the first one given. */
  answer: checkInAnswerSchema,
  /** True when this check-in had been answered before: nothing changed. */
  alreadyAnswered: z.boolean(),
});
export type CheckInAnswerResult = z.infer<typeof checkInAnswerResultSchema>;
