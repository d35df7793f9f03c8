import { appOrigin } from '../../config.ts';
import { isUniqueViolation } from '../../db/constraint-errors.ts';
import type { Executor } from '../../db/executor.ts';
import { assertRowId } from '../../db/row-id.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError, PermissionError, RuleViolationError } from '../../errors.ts';
import { EMPTY_GOAL_SHEET } from '../../shared/api/goal-sheets.ts';
import type { GoalSheetStatus, GoalSheetVersion, GoalSheetView, GoalSheetViewer, SaveGoalSheetBody } from '../../shared/api/goal-sheets.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasRole } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deliverRecorded, recordMail } from '../notifications/mail.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { listGoals } from '../programs/program.service.ts';
import type { ProgramGoalRecord } from '../programs/program.service.ts';
import type { ProgramSettings } from '../programs/program.service.ts';
import { renderPdf } from '../../pdf-thread/render-pdf.ts';
import type { PdfFile } from '../../pdf/pdf-file.ts';
import { sheetAcknowledgedMail, sheetArrivedMail, sheetReturnedMail, sheetSentToPartnerMail } from './goal-sheet-mails.ts';
import type { SheetMailContext } from './goal-sheet-mails.ts';
import { datesOf, sheetView } from './goal-sheet-view.ts';
import { completenessProblems, maySubmit, normaliseContent, onTime, statusAfter, structureProblems, viewerOf } from './goal-sheet.rules.ts';
import type { SheetProblem } from './goal-sheet.rules.ts';
import { findSheet, findSheetMatch, insertSheet, insertVersion, listVersions, updateSheetAt } from './goal-sheets.store.ts';
import type { GoalSheetRecord, SheetMatch } from './goal-sheets.store.ts';

/**
 * The sheet changed since the caller loaded it. Carries the sheet as it is now, so the caller can
 * merge their edits into it; the routes answer 409 with it in `details.current`.
 */
export class StaleRevisionError extends ConflictError {
  constructor(readonly current: GoalSheetView) {
    super(
      'STALE_REVISION',
      current.viewer === 'staff'
        ? 'This goal sheet changed while you were reading it. Look at the new version, then try again.'
        : 'Your partner saved changes while you were editing. Nothing is lost: compare the two versions, choose what to keep, and save again.',
    );
  }
}

const STAFF_REVIEW_ONLY = () =>
  new PermissionError(
    'STAFF_REVIEW_ONLY',
    'The program office reviews goal sheets but does not write them: only the mentor and mentee can change or send their sheet.',
  );
const MATCH_ENDED = () => new ConflictError('MATCH_ENDED', 'This match has ended, so its goal sheet can no longer be changed or sent.');
const SHEET_SUBMITTED = () =>
  new ConflictError(
    'SHEET_SUBMITTED',
    'The program office has it now, so it cannot be changed. If they return it with a note, you can edit it again.',
  );
const SHEET_ACKNOWLEDGED = () =>
  new ConflictError('SHEET_ACKNOWLEDGED', 'The program office has acknowledged this goal sheet, so it is final and cannot be changed.');

function ruleViolation(code: string, problems: SheetProblem[]): RuleViolationError {
  return new RuleViolationError(
    code,
    problems.map((p) => p.message).join(' '),
    problems.map(({ path, message }) => ({ path, message })),
  );
}

interface Loaded {
  match: SheetMatch;
  sheet: GoalSheetRecord | undefined;
  settings: ProgramSettings;
  goals: ProgramGoalRecord[];
  viewer: GoalSheetViewer;
  viewerIsStaff: boolean;
}

/**
 * The match and its sheet, for the pair and staff only. Anyone else — the committee and the task
 * force included — is told the match does not exist.
 */
async function load(db: Executor, actor: Actor, matchId: number): Promise<Loaded> {
  assertRowId(matchId, 'match');
  const match = await findSheetMatch(db, matchId);
  const viewerIsStaff = hasRole(actor, 'staff');
  const viewer = match && viewerOf(actor.userId, { mentorId: match.mentor.id, menteeId: match.mentee.id }, viewerIsStaff);
  if (!match || !viewer) throw new NotFoundError('match');
  const [sheet, settings, goals] = await Promise.all([findSheet(db, matchId), getSettings({ db }), listGoals(db)]);
  return { match, sheet, settings, goals, viewer, viewerIsStaff };
}

function viewOf(l: Loaded, now: Date): GoalSheetView {
  return sheetView(l.match, l.sheet, { settings: l.settings, goals: l.goals, viewer: l.viewer, viewerIsStaff: l.viewerIsStaff, now });
}

/** The pair write; staff who are not one of the pair get a clear 403. */
function asParty(l: Loaded): 'mentor' | 'mentee' {
  if (l.viewer === 'staff') throw STAFF_REVIEW_ONLY();
  return l.viewer;
}

async function staleError(db: Executor, l: Loaded, now: Date): Promise<StaleRevisionError> {
  return new StaleRevisionError(viewOf({ ...l, sheet: await findSheet(db, l.match.id) }, now));
}

function mailContext(deps: Pick<Deps, 'config'>, l: Loaded): SheetMailContext {
  return {
    programName: l.settings.programName,
    periodName: l.match.periodName,
    mentorName: l.match.mentor.name,
    menteeName: l.match.mentee.name,
    link: `${appOrigin(deps.config)}/matches/${l.match.id}/goal-sheet`,
  };
}

const addressOf = (p: { email: string; name: string }) => ({ address: p.email, name: p.name });

export async function getGoalSheet(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, matchId: number): Promise<GoalSheetView> {
  return viewOf(await load(deps.db, actor, matchId), deps.clock.now());
}

/**
 * Saves the pair's edits on top of the revision they started from. If the sheet moved on in the
 * meantime, nothing is written and the caller gets the current sheet to merge with (409).
 */
export async function saveGoalSheet(deps: Deps, actor: Actor, matchId: number, body: SaveGoalSheetBody): Promise<GoalSheetView> {
  const now = deps.clock.now();
  const at = toInstant(now);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const l = await load(trx, actor, matchId);
      asParty(l);
      if (l.match.status !== 'active') throw MATCH_ENDED();
      const status: GoalSheetStatus = l.sheet?.status ?? 'draft';
      if (status === 'submitted') throw SHEET_SUBMITTED();
      if (status === 'acknowledged') throw SHEET_ACKNOWLEDGED();
      if ((l.sheet?.revision ?? 0) !== body.baseRevision) throw await staleError(trx, l, now);

      const content = normaliseContent(body.content);
      const problems = structureProblems(content, {
        goalsMax: l.settings.goalsPerSheetMax,
        activeGoalIds: new Set(l.goals.filter((g) => !g.retired).map((g) => g.id)),
        keepGoalIds: new Set(
          (l.sheet?.content.goals ?? []).flatMap((g) => g.programGoalIds).filter((id) => l.goals.some((g) => g.id === id)),
        ),
      });
      if (problems[0]) throw ruleViolation(problems[0].code, problems);

      let sheetId: number;
      if (!l.sheet) {
        sheetId = await insertSheet(trx, { matchId, content, actorId: actor.userId, at });
      } else {
        if (
          !(await updateSheetAt(trx, l.sheet.id, l.sheet.revision, {
            status: statusAfter('save', status),
            actorId: actor.userId,
            at,
            content,
          }))
        ) {
          throw await staleError(trx, l, now);
        }
        sheetId = l.sheet.id;
      }
      await insertVersion(trx, {
        sheetId,
        revision: body.baseRevision + 1,
        event: 'saved',
        content,
        comment: null,
        actorId: actor.userId,
        at,
      });
      return viewOf({ ...l, sheet: await findSheet(trx, matchId) }, now);
    });
  } catch (err) {
    // Two first saves at once: the second collides on the unique match_id. Same answer as any stale save.
    if (isUniqueViolation(err)) {
      const l = await load(deps.db, actor, matchId);
      throw new StaleRevisionError(viewOf(l, now));
    }
    throw err;
  }
}

/** The pair sends the sheet to the program office: complete, at the revision they looked at. */
export async function submitGoalSheet(deps: Deps, actor: Actor, matchId: number, revision: number): Promise<GoalSheetView> {
  const now = deps.clock.now();
  const at = toInstant(now);
  const { view, outboxIds } = await deps.db.transaction().execute(async (trx) => {
    const l = await load(trx, actor, matchId);
    const role = asParty(l);
    if (!maySubmit(role, l.settings.goalSheetSubmitter)) {
      throw new PermissionError(
        'ONLY_MENTEE_SUBMITS',
        `In this program the mentee sends the goal sheet. When you are both happy with it, ${l.match.mentee.name} can send it from this page.`,
      );
    }
    if (l.match.status !== 'active') throw MATCH_ENDED();
    const status: GoalSheetStatus = l.sheet?.status ?? 'draft';
    if (status === 'acknowledged') throw SHEET_ACKNOWLEDGED();
    if (status === 'submitted')
      throw new ConflictError('ALREADY_SUBMITTED', 'This goal sheet has already been sent to the program office.');
    if ((l.sheet?.revision ?? 0) !== revision) throw await staleError(trx, l, now);

    const dates = datesOf(l.match, l.settings);
    const content = l.sheet?.content;
    const problems = completenessProblems(content ?? EMPTY_GOAL_SHEET, {
      goalsMin: l.settings.goalsPerSheetMin,
      goalsMax: l.settings.goalsPerSheetMax,
      matchedOn: dates.matchedOn,
      programEndsOn: dates.programEndsOn,
    });
    if (problems.length > 0 || !l.sheet || !content) {
      throw new RuleViolationError(
        'INCOMPLETE_SHEET',
        `The goal sheet is not ready to send yet: ${problems.length === 1 ? 'one thing needs' : `${problems.length} things need`} your attention. ${problems.map((p) => p.message).join(' ')}`,
        problems.map(({ path, message }) => ({ path, message })),
      );
    }
    if (
      !(await updateSheetAt(trx, l.sheet.id, revision, {
        status: statusAfter('submit', status),
        actorId: actor.userId,
        at,
        submitted: true,
      }))
    ) {
      throw await staleError(trx, l, now);
    }
    await insertVersion(trx, {
      sheetId: l.sheet.id,
      revision: revision + 1,
      event: 'submitted',
      content,
      comment: null,
      actorId: actor.userId,
      at,
    });

    const words = mailContext(deps, l);
    const sender = role === 'mentee' ? l.match.mentee : l.match.mentor;
    const partner = role === 'mentee' ? l.match.mentor : l.match.mentee;
    const ids = [await recordMail(trx, now, sheetSentToPartnerMail({ ...words, to: addressOf(partner), senderName: sender.name }))];
    const contact = l.settings.goalSheetContact;
    if (contact) {
      const firstAt = l.sheet.firstSubmittedAt ?? at;
      ids.push(
        await recordMail(
          trx,
          now,
          sheetArrivedMail({
            ...words,
            to: addressOf(contact),
            dueOn: dates.goalSheetDueOn,
            late: onTime(firstAt, dates.goalSheetDueOn, l.settings.timeZone) === false,
            resubmitted: l.sheet.firstSubmittedAt !== null,
          }),
        ),
      );
    }
    return { view: viewOf({ ...l, sheet: await findSheet(trx, matchId) }, now), outboxIds: ids };
  });
  await deliverRecorded(deps, outboxIds);
  return view;
}

type Review = { kind: 'acknowledge'; comment: string | null } | { kind: 'return'; comment: string };

/** Staff acknowledge a submitted sheet (final) or return it to the pair with a comment. */
export async function reviewGoalSheet(deps: Deps, actor: Actor, matchId: number, revision: number, review: Review): Promise<GoalSheetView> {
  const now = deps.clock.now();
  const at = toInstant(now);
  const { view, outboxIds } = await deps.db.transaction().execute(async (trx) => {
    const l = await load(trx, actor, matchId);
    const status: GoalSheetStatus = l.sheet?.status ?? 'draft';
    if (status === 'acknowledged') throw new ConflictError('SHEET_ACKNOWLEDGED', 'This goal sheet is already acknowledged.');
    if (status !== 'submitted' || !l.sheet) {
      throw new ConflictError(
        'NOT_SUBMITTED',
        'There is nothing to review yet: the pair has not sent this goal sheet to the program office.',
      );
    }
    if (l.sheet.revision !== revision) throw await staleError(trx, l, now);
    const next = statusAfter(review.kind, status);
    if (
      !(await updateSheetAt(trx, l.sheet.id, revision, { status: next, actorId: actor.userId, at, reviewed: { comment: review.comment } }))
    ) {
      throw await staleError(trx, l, now);
    }
    await insertVersion(trx, {
      sheetId: l.sheet.id,
      revision: revision + 1,
      event: review.kind === 'acknowledge' ? 'acknowledged' : 'returned',
      content: l.sheet.content,
      comment: review.comment,
      actorId: actor.userId,
      at,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: review.kind === 'acknowledge' ? 'goal_sheet.acknowledged' : 'goal_sheet.returned',
      entityType: 'goal_sheet',
      entityId: l.sheet.id,
      details: { matchId, revision: revision + 1, ...(review.comment && { comment: review.comment }) },
      at,
    });
    const words = mailContext(deps, l);
    const ids: number[] = [];
    for (const person of [l.match.mentee, l.match.mentor]) {
      const to = addressOf(person);
      ids.push(
        await recordMail(
          trx,
          now,
          review.kind === 'return'
            ? sheetReturnedMail({ ...words, to, comment: review.comment })
            : sheetAcknowledgedMail({ ...words, to, comment: review.comment }),
        ),
      );
    }
    return { view: viewOf({ ...l, sheet: await findSheet(trx, matchId) }, now), outboxIds: ids };
  });
  await deliverRecorded(deps, outboxIds);
  return view;
}

export async function listGoalSheetVersions(deps: Pick<Deps, 'db'>, actor: Actor, matchId: number): Promise<GoalSheetVersion[]> {
  const l = await load(deps.db, actor, matchId);
  return l.sheet ? listVersions(deps.db, l.sheet.id) : [];
}

/** The sheet as a PDF, for the pair and staff. */
export async function goalSheetPdf(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, matchId: number): Promise<PdfFile> {
  const l = await load(deps.db, actor, matchId);
  const now = deps.clock.now();
  return renderPdf('goal-sheet', viewOf(l, now), l.settings.timeZone, now);
}

/** A blank template with the program's goals and limits, for people who prefer paper. */
export async function blankGoalSheetPdf(deps: Pick<Deps, 'db' | 'clock'>): Promise<PdfFile> {
  const [settings, goals] = await Promise.all([getSettings(deps), listGoals(deps.db)]);
  return renderPdf('blank-goal-sheet', settings, goals, deps.clock.now());
}
