import { z } from 'zod';
import { instantSchema, rowIdSchema } from './common.ts';

/**
 * Resources (videos, documents and links for mentors, mentees or everyone) and the program's FAQ.
 * Shared by the server routes and the web app.
 */

export const RESOURCE_KINDS = ['video', 'document', 'link'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = { video: 'Video', document: 'Document', link: 'Link' };
/** An uploaded file is a video or a document; a link may point at either, or at a page. */
export const UPLOAD_KINDS = ['video', 'document'] as const;

export const AUDIENCES = ['everyone', 'mentors', 'mentees'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = { everyone: 'Everyone', mentors: 'Mentors', mentees: 'Mentees' };

/** Only web addresses: a javascript: or data: link must never reach someone's browser as a link. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const linkUrlSchema = z.string().trim().max(2000).refine(isWebAddress, 'Use a web address that starts with https:// or http://.');

const titleSchema = z.string().trim().min(1, 'Give the resource a title.').max(200);
const descriptionSchema = z.string().trim().max(2000);
const topicSchema = z.string().trim().min(1, 'Name a topic, such as “Getting started”.').max(100);

export const resourceSchema = z.object({
  id: z.number(),
  position: z.number(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  audience: z.enum(AUDIENCES),
  topic: z.string(),
  /** The external address of a link; null for an uploaded file. */
  url: z.string().nullable(),
  /** An uploaded file; null for a link. `href` streams it (with range requests, for video). */
  file: z.object({ name: z.string(), type: z.string(), size: z.number(), href: z.string() }).nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Resource = z.infer<typeof resourceSchema>;

export const resourceListSchema = z.object({
  resources: z.array(resourceSchema),
  /** The largest file staff may upload, so the page can say so before sending a huge video. */
  maxUploadBytes: z.number(),
});
export type ResourceList = z.infer<typeof resourceListSchema>;

export const resourceListQuerySchema = z.strictObject({
  audience: z.enum(AUDIENCES).optional(),
});

export const createLinkBodySchema = z.strictObject({
  kind: z.enum(RESOURCE_KINDS).default('link'),
  title: titleSchema,
  description: descriptionSchema.default(''),
  audience: z.enum(AUDIENCES),
  topic: topicSchema,
  url: linkUrlSchema,
});
export type CreateLink = z.infer<typeof createLinkBodySchema>;

/** The text fields of a multipart upload (every multipart field arrives as a string). */
export const uploadFieldsSchema = z.strictObject({
  kind: z.enum(UPLOAD_KINDS),
  title: titleSchema,
  description: descriptionSchema.default(''),
  audience: z.enum(AUDIENCES),
  topic: topicSchema,
});
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

export const updateResourceBodySchema = z
  .strictObject({
    kind: z.enum(RESOURCE_KINDS),
    title: titleSchema,
    description: descriptionSchema,
    audience: z.enum(AUDIENCES),
    topic: topicSchema,
    /** Links only: an uploaded file keeps its file. */
    url: linkUrlSchema,
  })
  .partial();
export type UpdateResource = z.infer<typeof updateResourceBodySchema>;

export const faqEntrySchema = z.object({
  id: z.number(),
  position: z.number(),
  question: z.string(),
  answer: z.string(),
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;
export const faqListSchema = z.object({ entries: z.array(faqEntrySchema) });

export const createFaqBodySchema = z.strictObject({
  question: z.string().trim().min(1, 'Write the question.').max(500),
  answer: z.string().trim().min(1, 'Write the answer.').max(5000),
});
export const updateFaqBodySchema = createFaqBodySchema.partial();
export const reorderFaqBodySchema = z.strictObject({
  ids: z.array(rowIdSchema).min(1).max(500),
});
