import type { CsvTable } from '../../csv/spreadsheet-csv-stream.ts';
import { CHANNEL_LABELS, CHANNELS } from '../../shared/channels.ts';
import type { Channel } from '../../shared/channels.ts';

/**
 * Goal sheets flattened: one row per goal, the match and sheet repeated on each, so a spreadsheet
 * can filter and count goals; a match whose sheet has no goal yet (or was never started) gets one
 * row with the goal cells empty, so every match shows. Dates (due, target) are calendar days in
 * the program's time zone; instants are ISO 8601 in UTC, as the headings say.
 */
export const GOAL_SHEET_COLUMNS = [
  'Match',
  'Mentor',
  'Mentee',
  'Sheet status',
  'Due on',
  'Sent at (UTC)',
  'Reviewed at (UTC)',
  'Goal number',
  'Goal',
  'Program goals',
  'Planned activities',
  'How success is measured',
  'Target date',
  'Channels',
  'How they keep in touch',
] as const;

export interface ExportedGoalSheet {
  matchId: number;
  mentorName: string;
  menteeName: string;
  dueOn: string;
  sheet: {
    status: 'draft' | 'submitted' | 'returned' | 'acknowledged';
    content: {
      goals: readonly {
        title: string;
        programGoalIds: readonly number[];
        activities: string;
        successMeasure: string;
        targetDate: string | null;
      }[];
      communication: { channels: readonly string[]; cadence: string };
    };
    submittedAt: string | null;
    reviewedAt: string | null;
  } | null;
}

const STATUS_WORDS = {
  draft: 'Draft',
  submitted: 'Sent to the program office',
  returned: 'Returned for changes',
  acknowledged: 'Acknowledged',
} as const;

const channelWord = (c: string) => ((CHANNELS as readonly string[]).includes(c) ? CHANNEL_LABELS[c as Channel] : c);

/** `goalTitles`: program goal id → its title (a goal not found is written as its id). */
export function* goalSheetRows(sheets: Iterable<ExportedGoalSheet>, goalTitles: ReadonlyMap<number, string>): Generator<string[]> {
  for (const s of sheets) {
    const sheet = s.sheet;
    const common = [
      String(s.matchId),
      s.mentorName,
      s.menteeName,
      sheet === null ? 'Not started' : STATUS_WORDS[sheet.status],
      s.dueOn,
      sheet?.submittedAt ?? '',
      sheet?.reviewedAt ?? '',
    ];
    const keepingInTouch = [
      sheet?.content.communication.channels.map(channelWord).join('; ') ?? '',
      sheet?.content.communication.cadence ?? '',
    ];
    const goals = sheet?.content.goals ?? [];
    if (goals.length === 0) yield [...common, '', '', '', '', '', '', ...keepingInTouch];
    for (const [index, g] of goals.entries()) {
      yield [
        ...common,
        String(index + 1),
        g.title,
        g.programGoalIds.map((id) => goalTitles.get(id) ?? String(id)).join('; '),
        g.activities,
        g.successMeasure,
        g.targetDate ?? '',
        ...keepingInTouch,
      ];
    }
  }
}

export const goalSheetsTable = (sheets: readonly ExportedGoalSheet[], goalTitles: ReadonlyMap<number, string>): CsvTable => ({
  header: GOAL_SHEET_COLUMNS,
  rows: goalSheetRows(sheets, goalTitles),
});
