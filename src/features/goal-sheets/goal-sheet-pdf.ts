import { GOAL_SHEET_STATUS_LABELS } from '../../shared/api/goal-sheets.ts';
import type { GoalSheetView } from '../../shared/api/goal-sheets.ts';
import { CHANNEL_LABELS } from '../../shared/channels.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import type { ProgramGoalRecord } from '../programs/program.service.ts';
import type { ProgramSettings } from '../programs/program.service.ts';
import { longDate, safeFileName } from '../../pdf/file-name.ts';
import { PdfWriter } from './pdf-writer.ts';
import type { PdfFile } from '../../pdf/pdf-file.ts';

const REPLACED_NOTE =
  'Some characters in this sheet have no letter shape in the fonts of this PDF and appear as empty boxes. Tandem shows the full text.';

/** One line about where the sheet stands, in words. */
function statusLine(v: GoalSheetView, timeZone: string): string {
  const label = GOAL_SHEET_STATUS_LABELS[v.status];
  const sentOn = v.submittedAt ? longDate(calendarDateIn(timeZone, new Date(v.submittedAt))) : null;
  const reviewedOn = v.reviewedAt ? longDate(calendarDateIn(timeZone, new Date(v.reviewedAt))) : null;
  const timing = v.onTime === null ? '' : v.onTime ? ' (on time)' : ' (late)';
  switch (v.status) {
    case 'draft':
      return v.overdue ? `${label}, not yet sent (overdue)` : `${label}, not yet sent`;
    case 'submitted':
      return `${label} on ${sentOn ?? '?'}${timing}`;
    case 'returned':
      return `${label} on ${reviewedOn ?? '?'}`;
    case 'acknowledged':
      return `${label} on ${reviewedOn ?? '?'}${timing}`;
  }
}

/** The pair's sheet as it stands, for printing or sending on. */
export async function filledSheetPdf(v: GoalSheetView, timeZone: string, now: Date): Promise<PdfFile> {
  const w = await PdfWriter.create({
    title: `Goal sheet: ${v.mentee.name} and ${v.mentor.name}`,
    subject: `${v.programName}, ${v.periodName}`,
    at: now,
    // Everything the sheet shows, so the fonts for its scripts (Chinese, Arabic…) are embedded.
    texts: [JSON.stringify(v)],
  });
  const goalTitle = new Map(v.programGoals.map((g) => [g.id, g.title]));

  w.heading('Goal sheet', 1);
  w.text(`${v.programName} · ${v.periodName}`, { muted: true, after: 10 });
  w.field('Mentee', v.mentee.name);
  w.field('Mentor', v.mentor.name);
  w.field('Match made', longDate(v.matchedOn));
  w.field('Due', longDate(v.dueOn));
  w.field('Status', statusLine(v, timeZone));
  if (v.reviewComment) {
    w.space(4);
    w.text(v.status === 'returned' ? 'Note from the program office (returned for changes)' : 'Note from the program office', {
      style: 'bold',
      after: 2,
    });
    w.text(v.reviewComment, { style: 'italic' });
  }

  w.heading('Our goals', 2);
  if (v.content.goals.length === 0) w.text('No goals written yet.', { muted: true });
  v.content.goals.forEach((g, i) => {
    w.heading(`Goal ${i + 1}${g.title ? `: ${g.title}` : ''}`, 3);
    w.text('Program goals this serves', { style: 'bold', after: 1 });
    for (const id of g.programGoalIds) w.text(`\u2022 ${goalTitle.get(id) ?? `Program goal ${id}`}`, { indent: 10, after: 1 });
    w.space(4);
    w.text('Planned activities', { style: 'bold', after: 1 });
    w.text(g.activities || 'Not written yet.', { muted: !g.activities });
    w.text('How we will measure success', { style: 'bold', after: 1 });
    w.text(g.successMeasure || 'Not written yet.', { muted: !g.successMeasure });
    w.field('Target date', g.targetDate ? longDate(g.targetDate) : 'Not chosen yet');
    if (i < v.content.goals.length - 1) w.divider();
  });

  w.heading('How we will keep in touch', 2);
  const channels = v.content.communication.channels.map((c) => CHANNEL_LABELS[c]).join(', ');
  w.field('Channels', channels || 'Not chosen yet');
  w.field('How often', v.content.communication.cadence || 'Not written yet');

  if (w.replacedCharacters) {
    w.space(10);
    w.text(REPLACED_NOTE, { size: 9, muted: true });
  }
  const bytes = await w.finish(`Goal sheet of ${v.mentee.name} and ${v.mentor.name} · printed ${longDate(calendarDateIn(timeZone, now))}`);
  return { fileName: safeFileName(['goal-sheet', v.mentee.name, v.mentor.name], 'pdf'), bytes };
}

/** A template to fill in by hand, with the program's own goals and limits. */
export async function blankSheetPdf(settings: ProgramSettings, goals: readonly ProgramGoalRecord[], now: Date): Promise<PdfFile> {
  const w = await PdfWriter.create({
    title: 'Goal sheet (blank)',
    subject: settings.programName,
    at: now,
    texts: [JSON.stringify(settings), ...goals.map((g) => g.title)],
  });
  const active = goals.filter((g) => !g.retired);
  const n = settings.goalsPerSheetMax;
  const contact = settings.goalSheetContact;

  w.heading('Goal sheet', 1);
  w.text(settings.programName, { muted: true, after: 8 });
  w.text(
    `Write this together in your first weeks: ${settings.goalsPerSheetMin === n ? `${n}` : `${settings.goalsPerSheetMin} to ${n}`} ${n === 1 ? 'goal' : 'goals'} for your year, each tied to one or more of the program goals below. ` +
      `The sheet is due ${settings.goalSheetDeadlineDays} days after your match was made. ` +
      `${settings.goalSheetSubmitter === 'mentee' ? 'The mentee sends it' : 'Either of you can send it'} to the program office${contact ? ` (${contact.name}, ${contact.email})` : ''}, or types it into Tandem.`,
    { after: 10 },
  );
  for (const label of ['Mentee', 'Mentor', 'Date of the match']) {
    w.text(label, { style: 'bold', after: 0 });
    w.ruledLines(1);
  }

  w.heading('The program goals', 2);
  if (active.length === 0) w.text('The program has not listed its goals yet.', { muted: true });
  active.forEach((g, i) => w.text(`${i + 1}. ${g.title}`, { indent: 4, after: 2 }));

  for (let i = 1; i <= n; i += 1) {
    // One goal per page (a block is about 400 pt tall), with room to write by hand.
    w.ensureSpace(420);
    w.heading(`Goal ${i}`, 2);
    w.text('Goal', { style: 'bold', after: 0 });
    w.ruledLines(2);
    w.text('Program goals this serves (tick the numbers above)', { style: 'bold', after: 0 });
    w.checkboxRow(active.map((_, j) => String(j + 1)));
    w.space(4);
    w.text('Planned activities', { style: 'bold', after: 0 });
    w.ruledLines(5);
    w.text('How you will measure success', { style: 'bold', after: 0 });
    w.ruledLines(3);
    w.text('Target date', { style: 'bold', after: 0 });
    w.ruledLines(1, { width: 200 });
  }

  w.ensureSpace(160);
  w.heading('How you will keep in touch', 2);
  w.text('Channels', { style: 'bold', after: 0 });
  w.checkboxRow(settings.channels.map((c) => CHANNEL_LABELS[c]));
  w.space(4);
  w.text('How often', { style: 'bold', after: 0 });
  w.ruledLines(2);

  if (w.replacedCharacters) {
    w.space(10);
    w.text(REPLACED_NOTE, { size: 9, muted: true });
  }
  const bytes = await w.finish(`${settings.programName} · goal sheet template`);
  return { fileName: 'goal-sheet-template.pdf', bytes };
}
