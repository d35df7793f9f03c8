import { sql } from 'kysely';
import type { Dialect } from '../../db/create-db.ts';
import type { Executor } from '../../db/executor.ts';

/*
 * Erasure is the one use case that writes into every feature's tables: one list of what a person
 * leaves behind, next to the test that searches the whole database for it afterwards
 * (test/api/personal-data-erasure.test.ts). Each statement says whose table it is and why.
 * Everything runs inside the erasing transaction.
 */

export interface PersonToErase {
  id: number;
  name: string;
  email: string;
  erasedAt: string | null;
  disabled: boolean;
  isStaff: boolean;
  /** Every phone number they gave on any application (non-empty, distinct). */
  phones: string[];
}

export async function findPersonToErase(db: Executor, userId: number): Promise<PersonToErase | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'erased_at', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return undefined;
  const phones = await db.selectFrom('applications').select('phone').where('user_id', '=', userId).execute();
  const staff = await db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .where('role', '=', 'staff')
    .executeTakeFirst();
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    erasedAt: user.erased_at,
    disabled: user.disabled_at !== null,
    isStaff: staff !== undefined,
    phones: [...new Set(phones.map((p) => p.phone.trim()).filter((p) => p !== ''))],
  };
}

/** Active staff accounts other than this person (erasing must leave one). */
export async function countOtherActiveStaff(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_roles.role', '=', 'staff')
    .where('users.disabled_at', 'is', null)
    .where('users.id', '<>', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Whether another account's name contains this one ("Ann Lee" in "Ann Leeds"): replacing it
 * everywhere would then rewrite that person's records too.
 */
export async function someoneElsesNameContains(db: Executor, userId: number, name: string): Promise<boolean> {
  // '!' as the escape character: a backslash means different things in the two dialects' literals.
  const pattern = `%${name.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '<>', userId)
    .where(sql<boolean>`name like ${pattern} escape '!'`)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Deletes what exists only for the person and keeps nothing the program needs: sign-in
 * (sessions, reset links, roles, the answers kept for retried changes), the calendar feed, answer links of event invitations, survey
 * drafts, the link from a named survey answer to them (the answer stays, as an anonymous one
 * counts), their mentor card, and the mail addressed to them. Returns the card's photo key, whose
 * file the caller deletes after the commit.
 */
export async function deletePersonalRows(db: Executor, person: { id: number; email: string }): Promise<{ photoKey: string | null }> {
  const id = person.id;
  // accounts
  await db.deleteFrom('sessions').where('user_id', '=', id).execute();
  await db.deleteFrom('idempotency_keys').where('user_id', '=', id).execute();
  await db.deleteFrom('password_resets').where('user_id', '=', id).execute();
  await db.deleteFrom('user_roles').where('user_id', '=', id).execute();
  // events: the invitation (and attendance) stays for the counts; the personal answer link goes.
  await db.deleteFrom('calendar_feeds').where('user_id', '=', id).execute();
  await db
    .deleteFrom('event_rsvp_links')
    .where('invitation_id', 'in', (eb) => eb.selectFrom('event_invitations').select('id').where('user_id', '=', id))
    .execute();
  // surveys: the invitation stays for response rates; a draft is unfinished answers tied to them.
  await db
    .deleteFrom('survey_drafts')
    .where('invitation_id', 'in', (eb) => eb.selectFrom('survey_invitations').select('id').where('user_id', '=', id))
    .execute();
  await db.deleteFrom('survey_named_responses').where('user_id', '=', id).execute();
  // participant choice
  const card = await db.selectFrom('mentor_cards').select('photo_key').where('user_id', '=', id).executeTakeFirst();
  await db.deleteFrom('mentor_cards').where('user_id', '=', id).execute();
  // notifications: mail to them is theirs alone (mail to others is scrubbed by replaceEverywhere).
  await db.deleteFrom('outbox').where('to_address', '=', person.email).execute();
  return { photoKey: card?.photo_key ?? null };
}

/**
 * Blanks what they wrote or answered in records the program keeps: application free text and
 * contact details (role, status, period, region and the other answers the figures count stay),
 * their notes on mentor requests, re-match requests and contacts, invitations to their address,
 * and their place as a pair's liaison.
 */
export async function blankPersonalFields(
  db: Executor,
  person: { id: number; email: string },
  placeholder: { name: string; email: string },
  at: string,
): Promise<void> {
  const id = person.id;
  // applications
  await db
    .updateTable('applications')
    .set({
      phone: '',
      job_title: '',
      employer: '',
      hopes: '',
      confidential: JSON.stringify({ preferSameGender: false, gender: '', notes: '' }),
      decision_reason: null,
      updated_at: at,
    })
    .where('user_id', '=', id)
    .execute();
  // participant choice
  await db.updateTable('mentor_requests').set({ note: '' }).where('mentee_user_id', '=', id).execute();
  await db.updateTable('mentor_requests').set({ answer_note: null }).where('mentor_user_id', '=', id).execute();
  // rematch
  await db.updateTable('rematch_requests').set({ reason: '', wishes: '' }).where('requested_by', '=', id).execute();
  // liaisons: a pair is not left with an erased liaison to write to; staff give them another.
  await db.updateTable('matches').set({ liaison_user_id: null }).where('liaison_user_id', '=', id).execute();
  // activities: the contact (and the count) stays, their private note goes.
  await db.updateTable('contacts').set({ note: '' }).where('logged_by', '=', id).execute();
  // accounts
  await db.updateTable('invitations').set({ email: placeholder.email, name: placeholder.name }).where('email', '=', person.email).execute();
  await db
    .updateTable('users')
    .set((eb) => ({
      name: placeholder.name,
      email: placeholder.email,
      password_hash: null,
      disabled_at: eb.fn.coalesce('disabled_at', eb.val(at)),
      erased_at: at,
      updated_at: at,
    }))
    .where('id', '=', id)
    .execute();
}

/** Text columns (any table but `users`, which blankPersonalFields handled) as the database describes them. */
async function textColumns(db: Executor): Promise<{ table: string; column: string }[]> {
  const tables = await db.introspection.getTables();
  return tables
    .filter((t) => !t.isView && t.name !== 'users')
    .flatMap((t) => t.columns.filter((c) => /char|text|clob|json/i.test(c.dataType)).map((c) => ({ table: t.name, column: c.name })));
}

/**
 * Replaces every occurrence of each needle, in every text column of every table, with its
 * replacement: names and addresses copied into mail, history, audit details, saved matching
 * results and JSON documents. Read from the schema, so a table added later is covered too.
 */
export async function replaceEverywhere(
  db: Executor,
  dialect: Dialect,
  replacements: readonly { needle: string; replacement: string }[],
): Promise<number> {
  const pairs = replacements.filter((r) => r.needle !== '' && r.needle !== r.replacement);
  if (pairs.length === 0) return 0;
  let changed = 0;
  for (const { table, column } of await textColumns(db)) {
    const col = sql.ref(column);
    let value = sql`${col}`;
    for (const p of pairs) value = sql`replace(${value}, ${p.needle}, ${p.replacement})`;
    const contains = pairs.map((p) =>
      dialect === 'postgres' ? sql`strpos(${col}, ${p.needle}) > 0` : sql`instr(${col}, ${p.needle}) > 0`,
    );
    const result = await sql`update ${sql.table(table)} set ${col} = ${value} where ${sql.join(contains, sql` or `)}`.execute(db);
    changed += Number(result.numAffectedRows ?? 0n);
  }
  return changed;
}
