import { Readable } from 'node:stream';
import { writeStoredFile } from '../../../src/files/stored-files.ts';
import { insertFaq } from '../../../src/features/resources/faq.store.ts';
import { insertResource } from '../../../src/features/resources/resources.store.ts';
import type { Audience } from '../../../src/shared/api/resources.ts';
import type { TestContext } from '../../setup/test-app.ts';
import { PUBLIC, SIGNED_IN, STAFF_ONLY } from './matrix-kit.ts';
import type { Cell, Fixture } from './matrix-kit.ts';

async function resource(ctx: TestContext, audience: Audience, withFile: boolean): Promise<number> {
  const at = ctx.deps.clock.now().toISOString();
  const stored = withFile ? await writeStoredFile(ctx.deps.config.uploadDir, Readable.from([Buffer.from('%PDF-1.4 test')])) : null;
  return insertResource(ctx.deps.db, {
    title: 'Matrix resource',
    description: '',
    kind: withFile ? 'document' : 'link',
    audience,
    topic: 'Matrix',
    url: withFile ? null : 'https://example.org/guide',
    file: stored && { ...stored, name: 'guide.pdf', type: 'application/pdf' },
    position: 1,
    createdBy: 1,
    at,
  });
}

/** Two links, for the staff-only routes that take a resource id. */
async function links(ctx: TestContext): Promise<{ own: number; other: number }> {
  return { own: await resource(ctx, 'everyone', false), other: await resource(ctx, 'mentors', false) };
}

/** A file everyone may open, and one meant for an audience the caller is not in. */
async function files(ctx: TestContext, f: Fixture): Promise<{ own: number; other: number }> {
  return { own: await resource(ctx, 'everyone', true), other: await resource(ctx, f.caller === 'mentor' ? 'mentees' : 'mentors', true) };
}

async function faqEntries(ctx: TestContext): Promise<{ own: number; other: number }> {
  const at = ctx.deps.clock.now().toISOString();
  const add = () => insertFaq(ctx.deps.db, { question: 'Matrix question?', answer: 'Matrix answer.', position: 99, at });
  return { own: await add(), other: await add() };
}

/** Routes of resources and the FAQ: who may call them. */
export const resourceMatrix: Record<string, Cell> = {
  'GET /api/resources': { url: () => '/api/resources', expect: SIGNED_IN },
  'POST /api/resources': {
    url: () => '/api/resources',
    body: (f) => ({ kind: 'link', title: `Link ${f.seq}`, audience: 'everyone', topic: 'Matrix', url: 'https://example.org/' }),
    expect: STAFF_ONLY,
  },
  // Staff sending JSON here get 415 (not multipart) once past the role check.
  'POST /api/resources/upload': { url: () => '/api/resources/upload', expect: STAFF_ONLY },
  'PATCH /api/resources/:id': {
    url: () => '/api/resources/:id',
    targets: links,
    body: () => ({ description: 'Edited.' }),
    expect: STAFF_ONLY,
  },
  'DELETE /api/resources/:id': { url: () => '/api/resources/:id', targets: links, expect: STAFF_ONLY },
  'GET /api/resources/:id/file': {
    url: () => '/api/resources/:id/file',
    targets: files,
    expect: {
      anonymous: 401,
      staff: 'ok',
      // Applying grants nothing: an applicant sees what is for everyone and no more.
      applicant: { own: 'ok', other: 404 },
      mentor: { own: 'ok', other: 404 },
      mentee: { own: 'ok', other: 404 },
      committee: { own: 'ok', other: 404 },
      taskforce: { own: 'ok', other: 404 },
    },
  },
  'GET /api/faq': { url: () => '/api/faq', expect: PUBLIC },
  'POST /api/faq': { url: () => '/api/faq', body: (f) => ({ question: `Question ${f.seq}?`, answer: 'An answer.' }), expect: STAFF_ONLY },
  'PATCH /api/faq/:id': { url: () => '/api/faq/:id', targets: faqEntries, body: () => ({ answer: 'Edited.' }), expect: STAFF_ONLY },
  'DELETE /api/faq/:id': { url: () => '/api/faq/:id', targets: faqEntries, expect: STAFF_ONLY },
  'POST /api/faq/reorder': { url: () => '/api/faq/reorder', body: () => ({ ids: [1] }), expect: STAFF_ONLY },
};
