import type { Deps } from '../../deps.ts';
import { DomainError, NotFoundError, RuleViolationError } from '../../errors.ts';
import { uploadFieldsSchema } from '../../shared/api/resources.ts';
import type { Audience, CreateLink, Resource, UpdateResource } from '../../shared/api/resources.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditedChange } from '../audit/audit.service.ts';
import { removeStoredFile } from '../../files/stored-files.ts';
import { audiencesToList, visibleAudiences } from './resource.rules.ts';
import { deleteResource, findResource, insertResource, listResources, nextResourcePosition, updateResource } from './resources.store.ts';
import type { ResourceRecord, StoredFile } from './resources.store.ts';

/** Bad multipart fields: a 400 with details per field, like a JSON body that fails its schema. */
class UploadFieldsError extends DomainError {}

/** What the browser sees: the storage key stays on the server; the file is reached through the API. */
export function resourceView(r: ResourceRecord): Resource {
  const { file, ...fields } = r;
  return { ...fields, file: file && { name: file.name, type: file.type, size: file.size, href: `/api/resources/${r.id}/file` } };
}

const byTopicThenPosition = (a: ResourceRecord, b: ResourceRecord) =>
  a.topic.localeCompare(b.topic, 'en', { sensitivity: 'base' }) || a.position - b.position || a.id - b.id;

/** What the caller may see, grouped by topic (compared without regard to case or accents). */
export async function listVisibleResources(deps: Pick<Deps, 'db'>, actor: Actor, audience: Audience | undefined): Promise<Resource[]> {
  const records = await listResources(deps.db, audiencesToList(actor.roles, audience));
  return records.sort(byTopicThenPosition).map(resourceView);
}

function created(
  deps: Deps,
  actor: Actor,
  r: Omit<Parameters<typeof insertResource>[1], 'position' | 'createdBy' | 'at'>,
  action: string,
): Promise<Resource> {
  return auditedChange(deps, actor, async (trx, at, audit) => {
    const id = await insertResource(trx, { ...r, position: await nextResourcePosition(trx), createdBy: actor.userId, at });
    await audit({ action, entityType: 'resource', entityId: id, details: { title: r.title, audience: r.audience } });
    const record = await findResource(trx, id);
    if (!record) throw new Error('resource vanished inside its own transaction');
    return resourceView(record);
  });
}

export function addLink(deps: Deps, actor: Actor, input: CreateLink): Promise<Resource> {
  return created(deps, actor, { ...input, file: null }, 'resource.added');
}

/**
 * Records a file that is already on disk, or removes the file: a refused upload leaves neither a
 * row nor a file behind.
 */
export async function addUpload(deps: Deps, actor: Actor, fields: Record<string, string>, file: StoredFile): Promise<Resource> {
  try {
    const parsed = uploadFieldsSchema.safeParse(fields);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({
        path: i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.'),
        message: i.code === 'unrecognized_keys' ? `Unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}.` : i.message,
      }));
      const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
      throw new UploadFieldsError('VALIDATION_FAILED', `Some of the upload form is not valid: ${summary}`, details);
    }
    return await created(deps, actor, { ...parsed.data, url: null, file }, 'resource.uploaded');
  } catch (err) {
    await removeStoredFile(deps.config.uploadDir, file.key);
    throw err;
  }
}

export function changeResource(deps: Deps, actor: Actor, id: number, patch: UpdateResource): Promise<Resource> {
  return auditedChange(deps, actor, async (trx, at, audit) => {
    const current = await findResource(trx, id);
    if (!current) throw new NotFoundError('resource');
    if (current.file && patch.url !== undefined) {
      throw new RuleViolationError(
        'FILE_HAS_NO_URL',
        'This resource is an uploaded file, so it has no web address to change. Add a link as a new resource instead.',
        [{ path: 'url', message: 'An uploaded file has no web address.' }],
      );
    }
    if (current.file && patch.kind === 'link') {
      throw new RuleViolationError('FILE_IS_NOT_A_LINK', 'An uploaded file is a video or a document, not a link.', [
        { path: 'kind', message: 'Choose video or document.' },
      ]);
    }
    await updateResource(trx, id, patch, at);
    await audit({ action: 'resource.changed', entityType: 'resource', entityId: id, details: { fields: Object.keys(patch) } });
    const record = await findResource(trx, id);
    if (!record) throw new NotFoundError('resource');
    return resourceView(record);
  });
}

/** Deletes the resource, then (once that is committed) its file: a rolled-back delete keeps both. */
export async function removeResource(deps: Deps, actor: Actor, id: number): Promise<void> {
  const removed = await auditedChange(deps, actor, async (trx, _at, audit) => {
    const current = await findResource(trx, id);
    if (!current || !(await deleteResource(trx, id))) throw new NotFoundError('resource');
    await audit({ action: 'resource.deleted', entityType: 'resource', entityId: id, details: { title: current.title } });
    return current;
  });
  if (!removed.file) return;
  try {
    await removeStoredFile(deps.config.uploadDir, removed.file.key);
  } catch (err) {
    // The resource is gone for everyone; a file left on disk is only wasted space, so say so in the log.
    deps.log.warn({ err, fileKey: removed.file.key }, 'could not remove the file of a deleted resource');
  }
}

/** The stored file behind a resource the caller may see; 404 for one they may not (or a link). */
export async function resourceFileFor(deps: Pick<Deps, 'db'>, actor: Actor, id: number): Promise<{ file: StoredFile; createdAt: string }> {
  const record = await findResource(deps.db, id);
  if (!record || !visibleAudiences(actor.roles).includes(record.audience)) throw new NotFoundError('resource');
  if (!record.file) throw new NotFoundError('file');
  return { file: record.file, createdAt: record.createdAt };
}

// What other features may use of this feature's stores, inside their own transactions: named
// here so the list is explicit (the lint rule boundaries/dependencies keeps other features
// out of the stores themselves).
export { insertResource } from './resources.store.ts';
