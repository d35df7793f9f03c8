import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { AuthenticationError, ConflictError, NotFoundError, RuleViolationError } from '../../errors.ts';
import { chartKey } from '../../shared/api/reports.ts';
import type { ChartData, ChartRef, Report, ReportSummary, RichNode } from '../../shared/api/reports.ts';
import { MAX_CHARTS_PER_REPORT, MAX_SECTIONS } from '../../shared/reports.ts';
import type { FigureKey, ReportVisibilityName } from '../../shared/reports.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasRole } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findPeriod } from '../periods/periods.service.ts';
import { findSettings } from '../programs/program.service.ts';
import { defaultOutline, OUTLINE_FIGURES } from './default-outline.ts';
import { liveChart, liveCharts } from './report-charts.ts';
import type { ReportDocument } from './report-document.ts';
import { renderReportHtml } from './report-html.ts';
import { renderPdf } from '../../pdf-thread/render-pdf.ts';
import {
  deleteReport,
  deleteSection,
  findReport,
  findSection,
  insertReport,
  insertSection,
  listReports,
  listSections,
  listVersions,
  saveSectionAt,
  setSectionPosition,
  updateReport,
  touchDraft,
} from './reports.store.ts';
import type { ReportRecord, SectionRecord } from './reports.store.ts';
import { chartRefs, hasContent, sanitizeDoc, sectionSizeProblem } from './rich-text.rules.ts';
import { dateTimeFormat } from '../../time/date-time-format.ts';

/**
 * The task force's annual report (PRODUCT.md §11): drafts written section by section, saved as
 * people type with every revision kept, then published once — frozen, figures included — and
 * read as an HTML page or a PDF. One transaction per use case.
 *
 * Concurrency: every save names the revision it started from. The check and the write are one
 * UPDATE … WHERE revision = ?, so of two saves from the same revision exactly one wins; the other
 * gets 409 SECTION_CHANGED saying who saved and when, and the editor keeps that person's text so
 * nothing is lost. Every edit first touches the report row while it is still a draft, which also
 * makes edits and publishing wait for each other.
 *
 * Hidden charts: a section may hold a chart whose data is hidden (too few people), since figures
 * change until publication and an autosave must never lose text; the editor shows it as hidden.
 * Publishing refuses it (422 CHART_SUPPRESSED), so a published report never holds one.
 */

type ChartDeps = Pick<Deps, 'db' | 'clock'>;

/** What is frozen into `reports.frozen` at publication. */
interface Frozen {
  programName: string;
  charts: { key: string; ref: ChartRef; data: ChartData }[];
}

const isReader = (actor: Actor | null): boolean => !!actor && (hasRole(actor, 'staff') || hasRole(actor, 'taskforce'));

const summaryOf = (r: ReportRecord): ReportSummary => ({
  id: r.id,
  title: r.title,
  periodId: r.periodId,
  periodName: r.periodName,
  status: r.status,
  visibility: r.visibility,
  basedOnId: r.basedOnId,
  updatedAt: r.updatedAt,
  publishedAt: r.publishedAt,
});

const frozenOf = (r: ReportRecord): Frozen | null => (r.frozen ? (JSON.parse(r.frozen) as Frozen) : null);

function refsOf(sections: readonly { body: RichNode }[]): ChartRef[] {
  const byKey = new Map<string, ChartRef>();
  for (const s of sections) for (const ref of chartRefs(s.body)) if (!byKey.has(chartKey(ref))) byKey.set(chartKey(ref), ref);
  return [...byKey.values()];
}

/** The charts a report shows: frozen once published, live for a draft. */
async function chartsOf(deps: ChartDeps, report: ReportRecord, sections: readonly SectionRecord[]): Promise<Frozen['charts']> {
  const frozen = frozenOf(report);
  if (report.status === 'published' && frozen) return frozen.charts;
  return liveCharts(deps, refsOf(sections));
}

async function viewOf(deps: ChartDeps, report: ReportRecord): Promise<Report> {
  const sections = await listSections(deps.db, report.id);
  return {
    ...summaryOf(report),
    sections: sections.map((s) => ({
      id: s.id,
      position: s.position,
      title: s.title,
      body: s.body,
      revision: s.revision,
      updatedAt: s.updatedAt,
      updatedByName: s.updatedByName,
    })),
    charts: await chartsOf(deps, report, sections),
  };
}

async function requireReport(db: Executor, id: number): Promise<ReportRecord> {
  const report = await findReport(db, id);
  if (!report) throw new NotFoundError('report');
  return report;
}

const PUBLISHED = () =>
  new ConflictError('REPORT_PUBLISHED', 'This report is published and can no longer be changed. Start a new draft from it instead.');

/**
 * Makes sure the report is still a draft and takes its row for this transaction (an UPDATE), so
 * an edit and a publication of the same report go one after the other.
 */
async function lockDraft(db: Executor, id: number, at: string): Promise<ReportRecord> {
  const report = await requireReport(db, id);
  if (report.status !== 'draft') throw PUBLISHED();
  if (!(await touchDraft(db, id, at))) throw PUBLISHED();
  return report;
}

async function requireSection(db: Executor, reportId: number, sectionId: number): Promise<SectionRecord> {
  const section = await findSection(db, reportId, sectionId);
  if (!section) throw new NotFoundError('section');
  return section;
}

export async function listReportSummaries(deps: Pick<Deps, 'db'>): Promise<ReportSummary[]> {
  return (await listReports(deps.db)).map(summaryOf);
}

/**
 * The published reports this person may read, newest first: everything published for staff and
 * the task force; for anyone else with a role, those published for participants or the public;
 * for someone with no role yet, the public ones. Drafts never.
 */
export async function listReadableReports(deps: Pick<Deps, 'db'>, actor: Actor): Promise<ReportSummary[]> {
  const reader = isReader(actor);
  const mayRead = (r: ReportRecord) =>
    r.status === 'published' && (reader || r.visibility === 'public' || (r.visibility === 'participants' && actor.roles.length > 0));
  return (await listReports(deps.db))
    .filter(mayRead)
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
    .map(summaryOf);
}

export async function getReport(deps: ChartDeps, id: number): Promise<Report> {
  return viewOf(deps, await requireReport(deps.db, id));
}

/** A new draft: the default outline, or a published report's sections to start from. */
export async function createReport(
  deps: Deps,
  actor: Actor,
  input: { periodId: number; title?: string; basedOnId?: number },
): Promise<Report> {
  const at = toInstant(deps.clock.now());
  // Which figures have something to show today, read before the transaction (the figures service opens its own).
  const showing: FigureKey[] = [];
  if (input.basedOnId === undefined) {
    for (const figure of OUTLINE_FIGURES) {
      if (showing.length === 2) break;
      const data = await liveChart(deps, { source: 'figures', periodId: input.periodId, figure });
      if (!data.suppressed && data.total > 0) showing.push(figure);
    }
  }
  const id = await deps.db.transaction().execute(async (trx) => {
    const period = await findPeriod(trx, input.periodId);
    if (!period)
      throw new RuleViolationError('UNKNOWN_PERIOD', 'There is no such period.', [{ path: 'periodId', message: 'Choose a period.' }]);
    let sections: { title: string; body: RichNode }[];
    let visibility: ReportVisibilityName = 'staff';
    if (input.basedOnId !== undefined) {
      const base = await findReport(trx, input.basedOnId);
      if (!base || base.status !== 'published') {
        throw new RuleViolationError('NOT_PUBLISHED', 'A new draft can only start from a published report.', [
          { path: 'basedOnId', message: 'Choose a published report.' },
        ]);
      }
      visibility = base.visibility;
      // The earlier period's own figures become this period's: the same charts, this year's numbers.
      sections = (await listSections(trx, base.id)).map((s) => ({
        title: s.title,
        body: retargetFigures(s.body, base.periodId, period.id),
      }));
    } else {
      sections = defaultOutline(period.id, period.name, showing);
    }
    const id = await insertReport(
      trx,
      { periodId: period.id, title: input.title ?? `Annual report: ${period.name}`, basedOnId: input.basedOnId ?? null, visibility },
      actor.userId,
      at,
    );
    for (const [i, s] of sections.entries())
      await insertSection(trx, { reportId: id, position: i + 1, title: s.title, body: s.body }, actor.userId, at);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'report.created',
      entityType: 'report',
      entityId: id,
      details: { basedOnId: input.basedOnId ?? null },
      at,
    });
    return id;
  });
  return getReport(deps, id);
}

function retargetFigures(node: RichNode, from: number, to: number): RichNode {
  const ref = node.type === 'chart' ? (node.attrs?.ref as ChartRef | undefined) : undefined;
  if (ref?.source === 'figures' && ref.periodId === from) return { ...node, attrs: { ...node.attrs, ref: { ...ref, periodId: to } } };
  return node.content ? { ...node, content: node.content.map((c) => retargetFigures(c, from, to)) } : node;
}

/** Title (drafts only) and who may read the published page (any time). */
export async function changeReport(
  deps: Deps,
  actor: Actor,
  id: number,
  patch: { title?: string; visibility?: ReportVisibilityName },
): Promise<Report> {
  const at = toInstant(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const current = await requireReport(trx, id);
    // A new title only while a draft, decided on the locked row: a rename racing a publication
    // waits for it, then is refused.
    const report = patch.title !== undefined && patch.title !== current.title ? await lockDraft(trx, id, at) : current;
    await updateReport(
      trx,
      id,
      { ...(patch.title !== undefined && { title: patch.title }), ...(patch.visibility && { visibility: patch.visibility }) },
      at,
    );
    if (patch.visibility && patch.visibility !== report.visibility) {
      await recordAudit(trx, {
        actorId: actor.userId,
        action: 'report.visibility',
        entityType: 'report',
        entityId: id,
        details: { visibility: patch.visibility },
        at,
      });
    }
  });
  return getReport(deps, id);
}

export async function removeReport(deps: Deps, actor: Actor, id: number): Promise<void> {
  const at = toInstant(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await lockDraft(trx, id, at);
    await deleteReport(trx, id);
    await recordAudit(trx, { actorId: actor.userId, action: 'report.deleted', entityType: 'report', entityId: id, at });
  });
}

export async function addSection(deps: Deps, actor: Actor, id: number, title: string): Promise<Report['sections'][number]> {
  const at = toInstant(deps.clock.now());
  const sectionId = await deps.db.transaction().execute(async (trx) => {
    await lockDraft(trx, id, at);
    const sections = await listSections(trx, id);
    if (sections.length >= MAX_SECTIONS) {
      throw new RuleViolationError(
        'TOO_MANY_SECTIONS',
        `A report can have at most ${MAX_SECTIONS} sections. Merge some before adding another.`,
      );
    }
    const position = Math.max(0, ...sections.map((s) => s.position)) + 1;
    return insertSection(trx, { reportId: id, position, title, body: sanitizeDoc(null) }, actor.userId, at);
  });
  const s = await requireSection(deps.db, id, sectionId);
  return {
    id: s.id,
    position: s.position,
    title: s.title,
    body: s.body,
    revision: s.revision,
    updatedAt: s.updatedAt,
    updatedByName: s.updatedByName,
  };
}

export async function removeSection(deps: Deps, id: number, sectionId: number): Promise<void> {
  const at = toInstant(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await lockDraft(trx, id, at);
    await requireSection(trx, id, sectionId);
    await deleteSection(trx, sectionId);
  });
}

export async function reorderSections(deps: Deps, id: number, sectionIds: readonly number[]): Promise<Report> {
  const at = toInstant(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await lockDraft(trx, id, at);
    const current = (await listSections(trx, id)).map((s) => s.id);
    const same =
      current.length === sectionIds.length &&
      new Set(sectionIds).size === sectionIds.length &&
      sectionIds.every((s) => current.includes(s));
    if (!same) throw new RuleViolationError('SECTION_ORDER', 'List every section of the report once, in the new order.');
    for (const [i, sectionId] of sectionIds.entries()) await setSectionPosition(trx, sectionId, i + 1);
  });
  return getReport(deps, id);
}

function formatMoment(instant: string, timeZone: string): string {
  try {
    return dateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  } catch {
    return instant;
  }
}

/**
 * Autosave. The body is sanitized (only what a report allows) and the sanitized body returned;
 * a save from an older revision is refused with who saved last and when.
 */
export async function saveSection(
  deps: Deps,
  actor: Actor,
  id: number,
  sectionId: number,
  input: { title: string; body: unknown; revision: number },
): Promise<{ revision: number; updatedAt: string; body: RichNode }> {
  const body = sanitizeDoc(input.body);
  const tooLarge = sectionSizeProblem(body);
  if (tooLarge) throw new RuleViolationError('SECTION_TOO_LARGE', tooLarge, [{ path: 'body', message: tooLarge }]);
  const at = toInstant(deps.clock.now());
  const timeZone = (await findSettings(deps.db))?.timeZone ?? 'UTC';
  return deps.db.transaction().execute(async (trx) => {
    await lockDraft(trx, id, at);
    const section = await requireSection(trx, id, sectionId);
    if (section.revision !== input.revision) throw changed(section, timeZone);
    const others = (await listSections(trx, id)).filter((s) => s.id !== sectionId);
    const charts = refsOf([...others, { body }]).length;
    if (charts > MAX_CHARTS_PER_REPORT) {
      throw new RuleViolationError(
        'TOO_MANY_CHARTS',
        `A report can show at most ${MAX_CHARTS_PER_REPORT} charts; this one would have ${charts}. Remove a chart first.`,
      );
    }
    const revision = await saveSectionAt(trx, sectionId, input.revision, { title: input.title, body }, actor.userId, at);
    if (revision === null) throw changed(await requireSection(trx, id, sectionId), timeZone);
    return { revision, updatedAt: at, body };
  });
}

function changed(section: SectionRecord, timeZone: string): ConflictError {
  const who = section.updatedByName ?? 'Someone';
  return new ConflictError(
    'SECTION_CHANGED',
    `${who} saved this section at ${formatMoment(section.updatedAt, timeZone)}, after you started editing. Your text is kept: compare it with theirs, then save again.`,
  );
}

export async function sectionHistory(deps: Pick<Deps, 'db'>, id: number, sectionId: number) {
  await requireReport(deps.db, id);
  await requireSection(deps.db, id, sectionId);
  return { versions: await listVersions(deps.db, sectionId) };
}

/** Publishes a draft: checks it, freezes every chart's data, and marks it published, all at once. */
export async function publishReport(deps: Deps, actor: Actor, id: number): Promise<Report> {
  const at = toInstant(deps.clock.now());
  // The charts are resolved first, outside the transaction: the figures take their own
  // consistent read (a transaction of their own), which cannot nest inside this one.
  const before = await requireReport(deps.db, id);
  if (before.status !== 'draft') throw PUBLISHED();
  const resolved = new Map((await liveCharts(deps, refsOf(await listSections(deps.db, id)))).map((c) => [c.key, c]));
  await deps.db.transaction().execute(async (trx) => {
    await lockDraft(trx, id, at);
    const sections = await listSections(trx, id);
    if (!sections.some((s) => hasContent(s.body))) {
      throw new RuleViolationError('REPORT_EMPTY', 'There is nothing to publish yet: write something in at least one section first.');
    }
    const charts: Frozen['charts'] = [];
    for (const ref of refsOf(sections)) {
      const chart = resolved.get(chartKey(ref));
      if (!chart) throw new ConflictError('REPORT_CHANGED', 'A chart was added while publishing. Check the report and publish again.');
      charts.push(chart);
    }
    const hidden = charts.find((c) => c.data.suppressed);
    if (hidden?.data.suppressed) {
      const where = sections.find((s) => chartRefs(s.body).some((r) => chartKey(r) === hidden.key));
      throw new RuleViolationError(
        'CHART_SUPPRESSED',
        `The chart "${hidden.data.title}"${where ? ` in "${where.title}"` : ''} cannot be published: ${hidden.data.reason} Remove it from the report, then publish.`,
      );
    }
    const programName = (await findSettings(trx))?.programName ?? 'Tandem';
    const frozen: Frozen = { programName, charts };
    await updateReport(trx, id, { status: 'published', frozen: JSON.stringify(frozen), published_at: at, published_by: actor.userId }, at);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'report.published',
      entityType: 'report',
      entityId: id,
      details: { charts: charts.length },
      at,
    });
  });
  return getReport(deps, id);
}

/**
 * Who may read a report's page or PDF: staff and the task force always (a draft as a preview);
 * once published, anyone signed in with a role in the program when it is for participants,
 * anyone when public. Anyone else gets 404, as if there were no such report — except a signed-out reader of a participants'
 * report, who is asked to sign in.
 */
async function readableDocument(deps: ChartDeps, actor: Actor | null, id: number): Promise<{ doc: ReportDocument; report: ReportRecord }> {
  const report = await requireReport(deps.db, id);
  if (!isReader(actor)) {
    if (report.status !== 'published' || report.visibility === 'staff') throw new NotFoundError('report');
    if (report.visibility === 'participants' && !actor)
      throw new AuthenticationError('UNAUTHENTICATED', 'Please sign in to read this report.');
    // Participants are the program's people: anyone with a role (an applicant has none yet).
    if (report.visibility === 'participants' && actor?.roles.length === 0) throw new NotFoundError('report');
  }
  const sections = await listSections(deps.db, id);
  const charts = await chartsOf(deps, report, sections);
  const settings = await findSettings(deps.db);
  const timeZone = settings?.timeZone ?? 'UTC';
  const publishedOn = report.publishedAt
    ? dateTimeFormat('en-GB', { timeZone, dateStyle: 'long' }).format(new Date(report.publishedAt))
    : null;
  return {
    report,
    doc: {
      programName: frozenOf(report)?.programName ?? settings?.programName ?? 'Tandem',
      title: report.title,
      periodName: report.periodName,
      publishedOn: report.status === 'published' ? publishedOn : null,
      sections: sections.map((s) => ({ title: s.title, body: s.body })),
      charts: new Map(charts.map((c) => [c.key, c.data])),
    },
  };
}

const fileNameOf = (title: string) =>
  `${
    title
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'report'
  }.pdf`;

export async function reportHtml(deps: ChartDeps, actor: Actor | null, id: number): Promise<{ html: string; isPublic: boolean }> {
  const { doc, report } = await readableDocument(deps, actor, id);
  return { html: renderReportHtml(doc), isPublic: report.status === 'published' && report.visibility === 'public' };
}

/**
 * A published report never changes, and its PDF is public when the report is: it is rendered
 * once per database and kept (the last few), so nobody can make the server lay out the whole
 * report again with every request. Keyed by the database handle, so two apps in one process
 * (the tests) never share an entry.
 */
const PDFS_KEPT = 8;
const renderedPdfs = new WeakMap<object, Map<string, Promise<Uint8Array>>>();
function publishedPdf(deps: Pick<Deps, 'db'>, id: number, publishedAt: string, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
  let kept = renderedPdfs.get(deps.db);
  if (!kept) renderedPdfs.set(deps.db, (kept = new Map()));
  const key = `${id}@${publishedAt}`;
  let pdf = kept.get(key);
  if (!pdf) {
    pdf = render();
    pdf.catch(() => kept.delete(key));
    kept.set(key, pdf);
    if (kept.size > PDFS_KEPT) kept.delete(kept.keys().next().value!);
  }
  return pdf;
}

export async function reportPdf(
  deps: ChartDeps,
  actor: Actor | null,
  id: number,
): Promise<{ bytes: Uint8Array; fileName: string; isPublic: boolean }> {
  const { doc, report } = await readableDocument(deps, actor, id);
  const bytes =
    report.status === 'published' && report.publishedAt
      ? await publishedPdf(deps, report.id, report.publishedAt, () => renderPdf('report', doc, new Date(report.publishedAt!)))
      : await renderPdf('report', doc, deps.clock.now());
  return { bytes, fileName: fileNameOf(report.title), isPublic: report.status === 'published' && report.visibility === 'public' };
}
