import { z } from 'zod';

/** Every error the API returns has this shape. */
export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof errorSchema>;

/**
 * The error answers any route can give (the one error handler produces them all), for each
 * route's response schema and so for the OpenAPI document.
 */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  410: errorSchema,
  413: errorSchema,
  415: errorSchema,
  422: errorSchema,
  429: errorSchema,
};

/** A row id: positive and within a 32-bit integer column (a larger one would be a 500 on PostgreSQL). */
export const rowIdSchema = z.number().int().positive().max(2_147_483_647);
export const idParamsSchema = z.strictObject({ id: z.coerce.number().pipe(rowIdSchema) });
export const okSchema = z.object({ ok: z.literal(true) });

/** An ISO-8601 UTC instant as stored and sent: 2026-11-29T06:23:40.000Z */
export const instantSchema = z.string();
/** A calendar date in the program's time zone: 2026-11-29 */
export const dateOnlySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-09-01.');

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .email('Enter a valid e-mail address.')
  .transform((e) => e.toLowerCase());

/** Passwords: 8 to 128 characters, any Unicode (NIST 800-63B; no composition rules). */
export const passwordSchema = z.string().min(8, 'Use at least 8 characters.').max(128, 'Use at most 128 characters.');

/** A person's display name: no control characters, so it can never break a mail header. */
export const personNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(120)
  .regex(/^[^\p{Cc}]*$/u, 'Names cannot contain control characters.');
