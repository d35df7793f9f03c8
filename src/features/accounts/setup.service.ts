import { isUniqueViolation } from '../../db/constraint-errors.ts';
import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, RuleViolationError } from '../../errors.ts';
import { isValidTimeZone } from '../../time/calendar-date.ts';
import { toInstant } from '../../time/instant.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { seedDefaultActivities } from '../activities/activities.service.ts';
import { ensureProgram, findSettings } from '../programs/program.service.ts';
import { seedDefaultFaq } from '../resources/faq.service.ts';
import { hashPassword } from './passwords.ts';
import { countUsersWithRole, findUserIdByEmail, insertUser, replaceRoles } from './users.store.ts';

/**
 * The program's data a first run needs, each part added only if it is missing: settings and the
 * program goals, then the activity catalogue (tied to the goals) and the FAQ. The features stay
 * apart (programs knows nothing of activities or resources); setup puts them together.
 */
export async function setUpProgramData(db: Executor, now: Date, basics: { programName: string; timeZone: string }): Promise<void> {
  await ensureProgram(db, now, basics);
  const at = toInstant(now);
  await seedDefaultActivities(db, at);
  await seedDefaultFaq(db, at);
}

/** The one-time setup page is offered until a staff account exists. */
export async function setupStatus(deps: Pick<Deps, 'db'>): Promise<{ needsSetup: boolean; programName: string | null }> {
  const [staff, settings] = await Promise.all([countUsersWithRole(deps.db, 'staff'), findSettings(deps.db)]);
  return { needsSetup: staff === 0, programName: settings?.programName ?? null };
}

const ALREADY = () => new ConflictError('ALREADY_SET_UP', 'Tandem is already set up. Sign in instead.');

export async function completeSetup(
  deps: Deps,
  input: { programName: string; timeZone: string; name: string; email: string; password: string },
): Promise<number> {
  if (!isValidTimeZone(input.timeZone)) {
    throw new RuleViolationError('INVALID_TIME_ZONE', `"${input.timeZone}" is not a time zone.`, [
      { path: 'timeZone', message: 'Choose a time zone from the list.' },
    ]);
  }
  if ((await setupStatus(deps)).needsSetup === false) throw ALREADY();
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if ((await countUsersWithRole(trx, 'staff')) > 0) throw ALREADY();
      const at = toInstant(deps.clock.now());
      await setUpProgramData(trx, deps.clock.now(), { programName: input.programName, timeZone: input.timeZone });
      if ((await findUserIdByEmail(trx, input.email)) !== undefined) throw ALREADY();
      const userId = await insertUser(trx, { email: input.email, name: input.name, passwordHash, at });
      await replaceRoles(trx, userId, ['staff']);
      await recordAudit(trx, {
        actorId: userId,
        action: 'program.set_up',
        entityType: 'settings',
        entityId: null,
        details: { programName: input.programName },
        at,
      });
      return userId;
    });
  } catch (err) {
    // Two setup forms submitted at once: the second one's insert collides with the first.
    if (isUniqueViolation(err)) throw ALREADY();
    throw err;
  }
}

/** For servers reached over SSH: a staff account whose password is chosen through a reset link. */
export async function createStaffAccount(deps: Deps, input: { email: string; name: string }): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    if ((await findUserIdByEmail(trx, input.email)) !== undefined) {
      throw new ConflictError('EMAIL_TAKEN', `An account for ${input.email} already exists.`);
    }
    const now = deps.clock.now();
    await setUpProgramData(trx, now, { programName: 'Mentoring Program', timeZone: 'UTC' });
    const userId = await insertUser(trx, { email: input.email, name: input.name, passwordHash: null, at: toInstant(now) });
    await replaceRoles(trx, userId, ['staff']);
    await recordAudit(trx, { actorId: null, action: 'staff.created_from_cli', entityType: 'user', entityId: userId, at: toInstant(now) });
    return userId;
  });
}
