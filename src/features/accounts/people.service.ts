import { appOrigin } from '../../config.ts';
import { isUniqueViolation } from '../../db/constraint-errors.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, GoneError, NotFoundError } from '../../errors.ts';
import { ROLES } from '../../shared/roles.ts';
import type { Role } from '../../shared/roles.ts';
import type { PeopleQuery } from '../../shared/api/users.ts';
import { toInstant } from '../../time/instant.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deliverRecorded, recordMail } from '../notifications/mail.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { invitationMail } from './account-mails.ts';
import type { Actor } from './actor.ts';
import { hasRole } from './actor.ts';
import { invitationExpiry, invitationStatus } from './invitation.rules.ts';
import type { InvitationStatus } from './invitation.rules.ts';
import {
  findInvitationById,
  findInvitationByTokenHash,
  insertInvitation,
  listInvitations,
  markInvitationAccepted,
  revokePendingInvitations,
} from './invitations.store.ts';
import type { InvitationRecord } from './invitations.store.ts';
import { hashPassword } from './passwords.ts';
import { deleteSessionsOfUser } from './sessions.store.ts';
import { hashToken, newToken } from './tokens.ts';
import {
  countUsersWithRole,
  findUserById,
  findUserIdByEmail,
  insertUser,
  isErased,
  searchUsers,
  replaceRoles,
  updateUser,
} from './users.store.ts';
import type { UserRecord } from './users.store.ts';

export type InvitationView = Omit<InvitationRecord, 'acceptedAt' | 'revokedAt' | 'invitedBy'> & { status: InvitationStatus };

const view = (inv: InvitationRecord, now: Date): InvitationView => ({
  id: inv.id,
  email: inv.email,
  name: inv.name,
  roles: inv.roles,
  createdAt: inv.createdAt,
  expiresAt: inv.expiresAt,
  status: invitationStatus(inv, now),
});

const EMAIL_TAKEN = () =>
  new ConflictError('EMAIL_TAKEN', 'Someone already has an account with that e-mail address.', [
    { path: 'email', message: 'This e-mail address already has an account.' },
  ]);

export async function invitePerson(
  deps: Deps,
  actor: Actor,
  input: { email: string; name: string; roles: Role[] },
): Promise<InvitationView> {
  const settings = await getSettings(deps);
  const inviter = await findUserById(deps.db, actor.userId);
  const token = newToken();
  const now = deps.clock.now();
  const { invitation, outboxId } = await deps.db.transaction().execute(async (trx) => {
    if ((await findUserIdByEmail(trx, input.email)) !== undefined) throw EMAIL_TAKEN();
    const at = toInstant(now);
    // A new invitation replaces any earlier one to the same address: only the newest link works.
    await revokePendingInvitations(trx, { email: input.email }, at);
    const expiresAt = toInstant(invitationExpiry(now));
    const roles = ROLES.filter((r) => input.roles.includes(r));
    const id = await insertInvitation(trx, {
      tokenHash: hashToken(token),
      email: input.email,
      name: input.name,
      roles,
      invitedBy: actor.userId,
      createdAt: at,
      expiresAt,
    });
    const outboxId = await recordMail(
      trx,
      now,
      invitationMail({
        programName: settings.programName,
        timeZone: settings.timeZone,
        to: { address: input.email, name: input.name },
        roles,
        link: `${appOrigin(deps.config)}/invite/${token}`,
        expiresAt,
        inviterName: inviter?.name ?? 'The program office',
      }),
    );
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'invitation.sent',
      entityType: 'invitation',
      entityId: id,
      details: { email: input.email, roles },
      at,
    });
    const invitation = await findInvitationById(trx, id);
    if (!invitation) throw new Error('invitation vanished inside its own transaction');
    return { invitation, outboxId };
  });
  await deliverRecorded(deps, [outboxId]);
  return view(invitation, now);
}

export async function listInvitationViews(deps: Pick<Deps, 'db' | 'clock'>): Promise<InvitationView[]> {
  const now = deps.clock.now();
  return (await listInvitations(deps.db)).map((i) => view(i, now));
}

export async function revokeInvitation(deps: Deps, actor: Actor, id: number): Promise<InvitationView> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const inv = await findInvitationById(trx, id);
    if (!inv) throw new NotFoundError('invitation');
    if (invitationStatus(inv, now) !== 'pending') {
      throw new ConflictError('INVITATION_NOT_PENDING', 'Only a pending invitation can be revoked.');
    }
    await revokePendingInvitations(trx, { id }, toInstant(now));
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: id,
      at: toInstant(now),
    });
    return view({ ...inv, revokedAt: toInstant(now) }, now);
  });
}

function assertUsable(inv: InvitationRecord | undefined, now: Date): InvitationRecord {
  if (!inv) throw new NotFoundError('invitation');
  switch (invitationStatus(inv, now)) {
    case 'accepted':
      throw new GoneError('INVITATION_USED', 'This invitation has already been used. Sign in instead, or ask for a new one.');
    case 'revoked':
      throw new GoneError('INVITATION_REVOKED', 'This invitation was withdrawn. Ask the program office for a new one.');
    case 'expired':
      throw new GoneError('INVITATION_EXPIRED', 'This invitation has expired. Ask the program office for a new one.');
    case 'pending':
      return inv;
  }
}

export async function previewInvitation(deps: Deps, token: string) {
  const inv = assertUsable(await findInvitationByTokenHash(deps.db, hashToken(token)), deps.clock.now());
  const settings = await getSettings(deps);
  return { email: inv.email, name: inv.name, roles: inv.roles, programName: settings.programName };
}

/** Creates the account from a pending invitation; exactly one of two simultaneous clicks wins. */
export async function acceptInvitation(deps: Deps, token: string, input: { name: string; password: string }): Promise<number> {
  assertUsable(await findInvitationByTokenHash(deps.db, hashToken(token)), deps.clock.now());
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const at = toInstant(now);
      const inv = assertUsable(await findInvitationByTokenHash(trx, hashToken(token)), now);
      if (!(await markInvitationAccepted(trx, inv.id, at))) {
        throw new GoneError('INVITATION_USED', 'This invitation has already been used. Sign in instead.');
      }
      if ((await findUserIdByEmail(trx, inv.email)) !== undefined) throw EMAIL_TAKEN();
      const userId = await insertUser(trx, { email: inv.email, name: input.name, passwordHash, at });
      await replaceRoles(trx, userId, inv.roles);
      await recordAudit(trx, {
        actorId: userId,
        action: 'invitation.accepted',
        entityType: 'user',
        entityId: userId,
        details: { invitationId: inv.id },
        at,
      });
      return userId;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw EMAIL_TAKEN();
    throw err;
  }
}

/** People for the staff list: one page, searched and filtered, with how many match. */
export function listPeople(deps: Pick<Deps, 'db'>, query: PeopleQuery) {
  return searchUsers(deps.db, query);
}

/** Staff see anyone; everyone else sees only themselves, and someone else's record is "not found". */
export async function getPerson(deps: Pick<Deps, 'db'>, actor: Actor, id: number): Promise<UserRecord> {
  if (!hasRole(actor, 'staff') && actor.userId !== id) throw new NotFoundError('person');
  const user = await findUserById(deps.db, id);
  if (!user) throw new NotFoundError('person');
  return user;
}

export async function updatePerson(
  deps: Deps,
  actor: Actor,
  id: number,
  patch: { name?: string | undefined; roles?: Role[] | undefined; disabled?: boolean | undefined },
): Promise<UserRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, id);
    if (!user) throw new NotFoundError('person');
    if (await isErased(trx, id))
      throw new ConflictError('ERASED', 'This person was erased: the account cannot be changed or enabled again.');
    const at = toInstant(deps.clock.now());
    const losesStaff =
      user.roles.includes('staff') &&
      !user.disabled &&
      ((patch.roles !== undefined && !patch.roles.includes('staff')) || patch.disabled === true);
    if (losesStaff && (await countUsersWithRole(trx, 'staff')) <= 1) {
      throw new ConflictError('LAST_STAFF', 'Tandem needs at least one active staff account; give someone else the staff role first.');
    }
    await updateUser(trx, id, {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.disabled !== undefined && { disabledAt: patch.disabled ? (user.disabled ? undefined : at) : null }),
      at,
    });
    if (patch.roles !== undefined) await replaceRoles(trx, id, patch.roles);
    // Disabling someone ends their sessions at once, not at the next time-out.
    if (patch.disabled === true) await deleteSessionsOfUser(trx, id);
    await recordAudit(trx, { actorId: actor.userId, action: 'person.updated', entityType: 'user', entityId: id, details: patch, at });
    const updated = await findUserById(trx, id);
    if (!updated) throw new NotFoundError('person');
    return updated;
  });
}

// What other features may use of this feature's stores, inside their own transactions: named
// here so the list is explicit (the lint rule boundaries/dependencies keeps other features
// out of the stores themselves).
export {
  addRoles,
  changeRolesOfMany,
  findUserById,
  findUserIdByEmail,
  insertUser,
  listRolesOf,
  lockUser,
  lockUsers,
  removeRoles,
  replaceRoles,
} from './users.store.ts';
