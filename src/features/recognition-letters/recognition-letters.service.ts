import { appOrigin } from '../../config.ts';
import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../errors.ts';
import { letterUrls } from '../../shared/api/recognition-letters.ts';
import type { MyLetter, PeriodLetters, SendLettersResult } from '../../shared/api/recognition-letters.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasRole } from '../accounts/actor.ts';
import { findUserById } from '../accounts/people.service.ts';
import { auditedChange } from '../audit/audit.service.ts';
import { deliverRecorded, recordMails } from '../notifications/mail.service.ts';
import { findPeriod, listPeriods } from '../periods/periods.service.ts';
import type { PeriodRecord } from '../periods/periods.service.ts';
import { findSettings } from '../programs/program.service.ts';
import type { ProgramSettings } from '../programs/program.service.ts';
import { safeFileName } from '../../pdf/file-name.ts';
import { renderPdf } from '../../pdf-thread/render-pdf.ts';
import type { PdfFile } from '../../pdf/pdf-file.ts';
import type { LetterContent } from './letter-pdf.ts';
import { letterReadyMail } from './letter-mails.ts';
import { mentorCompletion, NOT_COMPLETED_MESSAGES, periodIsOver } from './recognition-letters.rules.ts';
import type { Completion } from './recognition-letters.rules.ts';
import { claimMailings, listMailings, listMentorMatches, listPeriodMentorMatches } from './recognition-letters.store.ts';
import type { MentorMatchRow } from './recognition-letters.store.ts';

/** A mentor who completed a period, with what their letter says. */
interface Eligible {
  userId: number;
  name: string;
  email: string;
  disabled: boolean;
  completion: Extract<Completion, { completed: true }>;
}

/** The settings, read with the caller's executor (inside a transaction too); the same error as getSettings. */
async function settingsOf(db: Executor): Promise<ProgramSettings> {
  const settings = await findSettings(db);
  if (!settings) throw new ConflictError('NOT_SET_UP', 'Tandem has not been set up yet.');
  return settings;
}

/**
 * At most this many letters in one PDF: laying out a page per mentor happens on the event loop,
 * so a period larger than this downloads letter by letter (each mentor's own link) instead.
 */
export const MAX_LETTERS_PER_PDF = 300;

async function periodOf(db: Executor, periodId: number): Promise<PeriodRecord> {
  const period = await findPeriod(db, periodId);
  if (!period) throw new NotFoundError('period');
  return period;
}

/** Every mentor of the period with their completion, in the order the store gives (by name). */
function completions(rows: readonly MentorMatchRow[], period: PeriodRecord, now: Date, timeZone: string) {
  const byMentor = new Map<number, MentorMatchRow[]>();
  for (const r of rows) {
    const theirs = byMentor.get(r.mentorUserId);
    if (theirs) theirs.push(r);
    else byMentor.set(r.mentorUserId, [r]);
  }
  return [...byMentor.values()].map((matches) => {
    const first = matches[0] as MentorMatchRow;
    return {
      userId: first.mentorUserId,
      name: first.mentorName,
      email: first.mentorEmail,
      disabled: first.mentorDisabled,
      completion: mentorCompletion(matches, period, now, timeZone),
    };
  });
}

function eligibleOf(rows: readonly MentorMatchRow[], period: PeriodRecord, now: Date, timeZone: string): Eligible[] {
  return completions(rows, period, now, timeZone).filter((c): c is Eligible => c.completion.completed);
}

function contentOf(e: Eligible, period: PeriodRecord, settings: ProgramSettings, now: Date): LetterContent {
  return {
    programName: settings.programName,
    mentorName: e.name,
    periodName: period.name,
    servedFrom: e.completion.firstMatchedOn,
    servedUntil: period.programEndsOn,
    partners: e.completion.partners,
    months: e.completion.months,
    signer: settings.letterSigner,
    issuedOn: calendarDateIn(settings.timeZone, now),
  };
}

/** The periods in which the signed-in person completed their service as a mentor, newest first. */
export async function listMyLetters(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<MyLetter[]> {
  const now = deps.clock.now();
  const settings = await settingsOf(deps.db);
  const rows = await listMentorMatches(deps.db, actor.userId, null);
  if (rows.length === 0) return [];
  const periods = new Map((await listPeriods(deps.db)).map((p) => [p.id, p]));
  const letters: MyLetter[] = [];
  for (const periodId of new Set(rows.map((r) => r.periodId))) {
    const period = periods.get(periodId);
    if (!period) continue;
    const completion = mentorCompletion(
      rows.filter((r) => r.periodId === periodId),
      period,
      now,
      settings.timeZone,
    );
    if (!completion.completed) continue;
    letters.push({
      periodId,
      periodName: period.name,
      programEndsOn: period.programEndsOn,
      partners: completion.partners,
      months: completion.months,
      downloadUrl: letterUrls.one(periodId, actor.userId),
    });
  }
  return letters.sort((a, b) => b.programEndsOn.localeCompare(a.programEndsOn));
}

/** Staff: the mentors of a period who have a letter, and whether each was e-mailed. */
export async function getPeriodLetters(deps: Pick<Deps, 'db' | 'clock'>, periodId: number): Promise<PeriodLetters> {
  const now = deps.clock.now();
  const settings = await settingsOf(deps.db);
  const period = await periodOf(deps.db, periodId);
  const over = periodIsOver(period, now, settings.timeZone);
  // Before the year is over nobody has completed it (mentorCompletion's first rule), so a running
  // period's thousands of matches need not be read to say so.
  const all = over ? completions(await listPeriodMentorMatches(deps.db, periodId), period, now, settings.timeZone) : [];
  const mailed = over ? await listMailings(deps.db, periodId) : new Map<number, string>();
  const letters = all.filter((c): c is Eligible => c.completion.completed);
  return {
    period: { id: period.id, name: period.name, programEndsOn: period.programEndsOn, over },
    signer: settings.letterSigner,
    letters: letters.map((e) => ({
      userId: e.userId,
      name: e.name,
      partners: e.completion.partners,
      months: e.completion.months,
      firstMatchedOn: e.completion.firstMatchedOn,
      mailedAt: mailed.get(e.userId) ?? null,
      disabled: e.disabled,
      downloadUrl: letterUrls.one(periodId, e.userId),
    })),
    endedEarly: all.filter((c) => !c.completion.completed && c.completion.reason === 'ENDED_EARLY').length,
    allUrl: letterUrls.all(periodId),
  };
}

/**
 * One mentor's letter. A mentor may download only their own (anyone else's is "not found", like
 * any record that is not theirs); staff may download anyone's. A person who did not complete the
 * period gets a clear 422 NOT_COMPLETED, and nothing is recorded.
 */
export async function letterPdf(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, periodId: number, userId: number): Promise<PdfFile> {
  if (userId !== actor.userId && !hasRole(actor, 'staff')) throw new NotFoundError('recognition letter');
  const now = deps.clock.now();
  const settings = await settingsOf(deps.db);
  const period = await periodOf(deps.db, periodId);
  const user = await findUserById(deps.db, userId);
  if (!user) throw new NotFoundError('person');
  const rows = await listMentorMatches(deps.db, userId, periodId);
  const completion = mentorCompletion(rows, period, now, settings.timeZone);
  if (!completion.completed) throw new RuleViolationError('NOT_COMPLETED', NOT_COMPLETED_MESSAGES[completion.reason]);
  const eligible: Eligible = { userId, name: user.name, email: user.email, disabled: false, completion };
  return {
    fileName: safeFileName(['recognition letter', user.name, period.name], 'pdf'),
    bytes: await renderPdf('letters', [contentOf(eligible, period, settings, now)], {
      title: `Letter of recognition: ${user.name}`,
      at: now,
    }),
  };
}

/** Staff: every letter of the period in one PDF, a page each, by mentor name. */
export async function allLettersPdf(deps: Pick<Deps, 'db' | 'clock'>, periodId: number): Promise<PdfFile> {
  const now = deps.clock.now();
  const settings = await settingsOf(deps.db);
  const period = await periodOf(deps.db, periodId);
  // As getPeriodLetters: a running period has no letters, whatever its matches.
  const eligible = periodIsOver(period, now, settings.timeZone)
    ? eligibleOf(await listPeriodMentorMatches(deps.db, periodId), period, now, settings.timeZone)
    : [];
  if (eligible.length === 0) throw new RuleViolationError('NO_LETTERS', noLettersMessage(period, now, settings.timeZone));
  if (eligible.length > MAX_LETTERS_PER_PDF) {
    throw new RuleViolationError(
      'TOO_MANY_LETTERS',
      `${eligible.length} mentors completed this period, more than the ${MAX_LETTERS_PER_PDF} letters one PDF holds. Download each letter from the list, or send them by e-mail.`,
    );
  }
  return {
    fileName: safeFileName(['recognition letters', period.name], 'pdf'),
    bytes: await renderPdf(
      'letters',
      eligible.map((e) => contentOf(e, period, settings, now)),
      { title: `Letters of recognition: ${period.name}`, at: now },
    ),
  };
}

function noLettersMessage(period: PeriodRecord, now: Date, timeZone: string): string {
  return periodIsOver(period, now, timeZone)
    ? 'No mentor completed this period, so there are no letters.'
    : 'Recognition letters are ready once the program year has ended.';
}

/**
 * Staff: tells every mentor who completed the period, and has not heard yet, that their letter is
 * ready, with a link to download it in the app. Each mentor is e-mailed once per period, ever:
 * a second send (or two at once) records nothing new for them. The signer must be set first,
 * since the e-mail and the letter carry their name.
 */
export async function sendLetters(deps: Deps, actor: Actor, periodId: number): Promise<SendLettersResult> {
  const now = deps.clock.now();
  const { result, outboxIds } = await auditedChange(deps, actor, async (trx, at, audit) => {
    const settings = await settingsOf(trx);
    const period = await periodOf(trx, periodId);
    const signer = settings.letterSigner;
    if (!signer) {
      throw new RuleViolationError(
        'NO_LETTER_SIGNER',
        'Name who signs the letters first (Settings → Recognition letters); no e-mail was sent.',
      );
    }
    const eligible = eligibleOf(await listPeriodMentorMatches(trx, periodId), period, now, settings.timeZone);
    if (eligible.length === 0) throw new RuleViolationError('NO_LETTERS', noLettersMessage(period, now, settings.timeZone));
    // One statement a chunk (claimMailings, recordMails), not two a mentor: thousands of mentors.
    const enabled = eligible.filter((e) => !e.disabled);
    const skipped = eligible.length - enabled.length;
    const claimed = await claimMailings(
      trx,
      periodId,
      enabled.map((e) => e.userId),
      at,
    );
    const alreadySent = enabled.length - claimed.size;
    const ids = await recordMails(
      trx,
      now,
      enabled
        .filter((e) => claimed.has(e.userId))
        .map((e) =>
          letterReadyMail({
            programName: settings.programName,
            periodName: period.name,
            to: { address: e.email, name: e.name },
            lettersUrl: `${appOrigin(deps.config)}/letters`,
            signerName: signer.name,
          }),
        ),
    );
    await audit({
      action: 'recognition-letters.sent',
      entityType: 'period',
      entityId: periodId,
      details: { sent: ids.length, alreadySent, skipped },
    });
    return { result: { sent: ids.length, alreadySent, skipped }, outboxIds: ids };
  });
  await deliverRecorded(deps, outboxIds);
  return result;
}
