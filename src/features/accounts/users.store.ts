import type { Executor } from '../../db/executor.ts';
import { pageOf } from '../../db/keyset-page.ts';
import { unlessChanged } from '../../db/unchanged-cache.ts';
import { storedValue } from '../../db/stored-value.ts';
import { containsTextInAny } from '../../db/text-search.ts';
import type { CursorKey } from '../../shared/api/list-query.ts';
import type { PeopleSort } from '../../shared/api/users.ts';
import { ROLES } from '../../shared/roles.ts';
import type { Role } from '../../shared/roles.ts';
import { writeInChunks } from '../../db/write-in-chunks.ts';

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  /** Staff erased this person: name and e-mail are placeholders, for good. */
  erased: boolean;
  createdAt: string;
}

export interface Credentials {
  id: number;
  passwordHash: string | null;
  disabled: boolean;
}

/** Stored role names, checked, in a stable order (the order of ROLES) that keeps answers and tests predictable. */
export function sortedRoles(stored: readonly string[]): Role[] {
  return stored.map((r) => storedValue('user_roles', 'role', ROLES, r)).sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
}

async function rolesByUser(db: Executor, userIds: number[]): Promise<Map<number, Role[]>> {
  const stored = new Map<number, string[]>();
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).execute();
  for (const row of rows) {
    const list = stored.get(row.user_id) ?? [];
    list.push(row.role);
    stored.set(row.user_id, list);
  }
  return new Map([...stored].map(([id, roles]) => [id, sortedRoles(roles)]));
}

const userColumns = ['id', 'email', 'name', 'disabled_at', 'erased_at', 'created_at'] as const;

export function toUserRecord(
  row: { id: number; email: string; name: string; disabled_at: string | null; erased_at: string | null; created_at: string },
  roles: Role[] | undefined,
): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: roles ?? [],
    disabled: row.disabled_at !== null,
    erased: row.erased_at !== null,
    createdAt: row.created_at,
  };
}

export async function findUserById(db: Executor, id: number): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toUserRecord(row, (await rolesByUser(db, [id])).get(id));
}

export async function findUserIdByEmail(db: Executor, email: string): Promise<number | undefined> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row?.id;
}

export async function findCredentials(db: Executor, email: string): Promise<Credentials | undefined> {
  const row = await db.selectFrom('users').select(['id', 'password_hash', 'disabled_at']).where('email', '=', email).executeTakeFirst();
  return row && { id: row.id, passwordHash: row.password_hash, disabled: row.disabled_at !== null };
}

export async function findPasswordHash(db: Executor, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

export interface PeopleFilter {
  q?: string | undefined;
  role?: Role | undefined;
  status?: 'active' | 'disabled' | undefined;
}

/**
 * The people the filters keep. A role is looked up two ways, for SQLite's planner: a page asks,
 * person by person in the list's order, whether they have it (and stops after a page); a count
 * starts from the role's own rows (user_roles_role_idx) instead of asking everyone. The same
 * IN in a page would read and sort everyone with the role before the first row.
 */
function filteredUsers(db: Executor, f: PeopleFilter, roleFrom: 'person' | 'role' = 'person') {
  let query = db.selectFrom('users');
  if (f.q) {
    const q = f.q;
    query = query.where(containsTextInAny(['users.name', 'users.email'], q));
  }
  if (f.role) {
    const role = f.role;
    query =
      roleFrom === 'role'
        ? query.where('users.id', 'in', db.selectFrom('user_roles').select('user_roles.user_id').where('user_roles.role', '=', role))
        : query.where((eb) =>
            eb.exists(
              eb
                .selectFrom('user_roles')
                .select(eb.lit(1).as('one'))
                .whereRef('user_roles.user_id', '=', 'users.id')
                .where('user_roles.role', '=', role),
            ),
          );
  }
  if (f.status === 'active') query = query.where('users.disabled_at', 'is', null);
  if (f.status === 'disabled') query = query.where('users.disabled_at', 'is not', null);
  return query;
}

/**
 * One page of people: by name (then id) or newest first (then id), starting after the cursor's
 * row. Reads one row more than the page to know whether another page follows.
 */
export async function searchUsers(
  db: Executor,
  q: PeopleFilter & { sort: PeopleSort; after?: CursorKey | undefined; limit: number },
): Promise<{ users: UserRecord[]; nextCursor: string | null; total: number }> {
  const sortColumn = q.sort === 'name' ? 'users.name' : 'users.created_at';
  const direction = q.sort === 'name' ? 'asc' : 'desc';
  let page = filteredUsers(db, q).select(userColumns).orderBy(sortColumn, direction).orderBy('users.id', direction);
  if (q.after) {
    const [value, id] = q.after;
    page = page.where((eb) => eb(eb.refTuple(sortColumn, 'users.id'), direction === 'asc' ? '>' : '<', eb.tuple(value, id)));
  }
  const rows = await page.limit(q.limit + 1).execute();
  const [counted] = await unlessChanged(
    db,
    filteredUsers(db, q, 'role').select((eb) => eb.fn.countAll<number | string>().as('n')),
  );
  const { page: shown, nextCursor } = pageOf(rows, q.limit, (last) => [q.sort === 'name' ? last.name : last.created_at, last.id]);
  const roles = await rolesByUser(
    db,
    shown.map((r) => r.id),
  );
  return {
    users: shown.map((r) => toUserRecord(r, roles.get(r.id))),
    nextCursor,
    total: Number(counted?.n ?? 0),
  };
}

export async function countUsersWithRole(db: Executor, role: Role): Promise<number> {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_roles.role', '=', role)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(
  db: Executor,
  u: { email: string; name: string; passwordHash: string | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ email: u.email, name: u.name, password_hash: u.passwordHash, created_at: u.at, updated_at: u.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceRoles(db: Executor, userId: number, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  const unique = [...new Set(roles)];
  if (unique.length > 0) {
    await db
      .insertInto('user_roles')
      .values(unique.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

/** The roles each of these people holds (someone with none is absent from the map). */
export async function listRolesOf(db: Executor, userIds: readonly number[]): Promise<Map<number, Role[]>> {
  const map = new Map<number, Role[]>();
  // Chunked: SQLite and PostgreSQL both limit bound parameters per statement.
  for (let i = 0; i < userIds.length; i += 500) {
    for (const [id, roles] of await rolesByUser(db, userIds.slice(i, i + 500))) map.set(id, roles);
  }
  return map;
}

/**
 * Holds the person's row until the transaction ends, so two transactions that derive something
 * from the same person's data take turns (the second reads what the first committed). A write
 * that changes nothing: PostgreSQL takes the row lock, SQLite has one writer at a time anyway.
 */
export async function lockUser(db: Executor, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', userId)
    .execute();
}

/** Adds roles; one the person holds already is left as it is (no error, even if added a moment ago). */
export async function addRoles(db: Executor, userId: number, roles: readonly Role[]): Promise<void> {
  if (roles.length === 0) return;
  await db
    .insertInto('user_roles')
    .values([...new Set(roles)].map((role) => ({ user_id: userId, role })))
    .onConflict((oc) => oc.columns(['user_id', 'role']).doNothing())
    .execute();
}

/** Removes just these roles; the person's others stay. */
export async function removeRoles(db: Executor, userId: number, roles: readonly Role[]): Promise<void> {
  if (roles.length === 0) return;
  await db.deleteFrom('user_roles').where('user_id', '=', userId).where('role', 'in', roles).execute();
}

/**
 * lockUser for many people (bulk decisions): the rows are locked a chunk at a time in ascending
 * id order, one statement per chunk rather than one per person.
 */
export async function lockUsers(db: Executor, userIds: readonly number[]): Promise<void> {
  const ids = [...new Set(userIds)].sort((a, b) => a - b);
  await writeInChunks(ids, 500, async (chunk) => {
    await db
      .updateTable('users')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', 'in', chunk)
      .execute();
    return [];
  });
}

/** addRoles and removeRoles for many people at once, a few statements for all of them. */
export async function changeRolesOfMany(
  db: Executor,
  changes: readonly { userId: number; add: readonly Role[]; remove: readonly Role[] }[],
): Promise<void> {
  const added = changes.flatMap((c) => [...new Set(c.add)].map((role) => ({ user_id: c.userId, role })));
  for (let i = 0; i < added.length; i += 400) {
    await db
      .insertInto('user_roles')
      .values(added.slice(i, i + 400))
      .onConflict((oc) => oc.columns(['user_id', 'role']).doNothing())
      .execute();
  }
  const byRole = new Map<Role, number[]>();
  for (const c of changes) for (const role of new Set(c.remove)) byRole.set(role, [...(byRole.get(role) ?? []), c.userId]);
  for (const [role, ids] of byRole) {
    for (let i = 0; i < ids.length; i += 500) {
      await db
        .deleteFrom('user_roles')
        .where('role', '=', role)
        .where('user_id', 'in', ids.slice(i, i + 500))
        .execute();
    }
  }
}

export async function updateUser(
  db: Executor,
  id: number,
  patch: { name?: string; passwordHash?: string; disabledAt?: string | null; at: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
      ...(patch.disabledAt !== undefined && { disabled_at: patch.disabledAt }),
      updated_at: patch.at,
    })
    .where('id', '=', id)
    .execute();
}

/** Whether staff erased this person (their account stays a placeholder for good). */
export async function isErased(db: Executor, id: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('erased_at').where('id', '=', id).executeTakeFirst();
  return row?.erased_at != null;
}
