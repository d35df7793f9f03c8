import type { Executor } from '../../db/executor.ts';
import { storedValues } from '../../db/stored-value.ts';
import { ROLES } from '../../shared/roles.ts';
import type { Role } from '../../shared/roles.ts';

export interface InvitationRecord {
  id: number;
  email: string;
  name: string;
  roles: Role[];
  invitedBy: number | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

type Row = {
  id: number;
  email: string;
  name: string;
  roles: string;
  invited_by: number | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
};

const parseRoles = (json: string): Role[] => storedValues('invitations', 'roles', ROLES, JSON.parse(json));

const toRecord = (r: Row): InvitationRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  roles: parseRoles(r.roles),
  invitedBy: r.invited_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  revokedAt: r.revoked_at,
});

const columns = ['id', 'email', 'name', 'roles', 'invited_by', 'created_at', 'expires_at', 'accepted_at', 'revoked_at'] as const;

export async function insertInvitation(
  db: Executor,
  inv: Omit<InvitationRecord, 'id' | 'acceptedAt' | 'revokedAt'> & { tokenHash: string },
): Promise<number> {
  const row = await db
    .insertInto('invitations')
    .values({
      token_hash: inv.tokenHash,
      email: inv.email,
      name: inv.name,
      roles: JSON.stringify(inv.roles),
      invited_by: inv.invitedBy,
      created_at: inv.createdAt,
      expires_at: inv.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findInvitationByTokenHash(db: Executor, tokenHash: string): Promise<InvitationRecord | undefined> {
  const row = await db.selectFrom('invitations').select(columns).where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && toRecord(row);
}

export async function findInvitationById(db: Executor, id: number): Promise<InvitationRecord | undefined> {
  const row = await db.selectFrom('invitations').select(columns).where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function listInvitations(db: Executor): Promise<InvitationRecord[]> {
  const rows = await db.selectFrom('invitations').select(columns).orderBy('id', 'desc').limit(500).execute();
  return rows.map(toRecord);
}

/**
 * Marks an invitation accepted only if nobody else did first; the row count says who won,
 * so two clicks on the same link cannot create two accounts.
 */
export async function markInvitationAccepted(db: Executor, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ accepted_at: at })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokePendingInvitations(db: Executor, where: { id?: number; email?: string }, at: string): Promise<void> {
  let q = db.updateTable('invitations').set({ revoked_at: at }).where('accepted_at', 'is', null).where('revoked_at', 'is', null);
  if (where.id !== undefined) q = q.where('id', '=', where.id);
  if (where.email !== undefined) q = q.where('email', '=', where.email);
  await q.execute();
}
