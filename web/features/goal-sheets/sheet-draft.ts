import { goalSheetContentSchema } from '../../../src/shared/api/goal-sheets.ts';
import type { GoalSheetContent, SheetGoal } from '../../../src/shared/api/goal-sheets.ts';
import type { Channel } from '../../../src/shared/channels.ts';

/**
 * The editor's form values. Like the content, except that a target date not chosen yet is ''
 * (what a date input holds) rather than null.
 */
export interface GoalDraft {
  title: string;
  programGoalIds: number[];
  activities: string;
  successMeasure: string;
  targetDate: string;
}
export interface SheetDraft {
  goals: GoalDraft[];
  channels: Channel[];
  cadence: string;
}

/** Field path (as the server names it: "goals.1.title", "communication.cadence") → message. */
export type SheetErrors = Record<string, string>;

export const EMPTY_GOAL: GoalDraft = { title: '', programGoalIds: [], activities: '', successMeasure: '', targetDate: '' };

export function toDraft(content: GoalSheetContent): SheetDraft {
  return {
    goals: content.goals.map((g) => ({ ...g, programGoalIds: [...g.programGoalIds], targetDate: g.targetDate ?? '' })),
    channels: [...content.communication.channels],
    cadence: content.communication.cadence,
  };
}

/** The content to save, trimmed as the server stores it (so comparing with the saved sheet is fair). */
export function fromDraft(draft: SheetDraft): GoalSheetContent {
  return {
    goals: draft.goals.map((g): SheetGoal => ({
      title: g.title.trim(),
      programGoalIds: g.programGoalIds,
      activities: g.activities.trim(),
      successMeasure: g.successMeasure.trim(),
      targetDate: g.targetDate === '' ? null : g.targetDate,
    })),
    communication: { channels: draft.channels, cadence: draft.cadence.trim() },
  };
}

/** True when the draft says something the saved sheet does not. */
export function hasChanges(draft: SheetDraft, saved: GoalSheetContent): boolean {
  return JSON.stringify(fromDraft(draft)) !== JSON.stringify(fromDraft(toDraft(saved)));
}

/**
 * What must be right before saving — the same schema the server uses, plus the program's goal
 * limit — so people see problems at the fields before anything is sent.
 */
export function saveErrors(draft: SheetDraft, goalsMax: number): SheetErrors {
  const errors: SheetErrors = {};
  if (draft.goals.length > goalsMax)
    errors.goals = `The program allows at most ${goalsMax} ${goalsMax === 1 ? 'goal' : 'goals'}. Remove one before saving.`;
  const parsed = goalSheetContentSchema.safeParse(fromDraft(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      errors[path] ??= issue.message;
    }
  }
  return errors;
}

/** The server's field details, keyed like saveErrors (a save's 400 names its paths under "content."). */
export function errorsFromDetails(details: readonly { path: string; message: string }[]): SheetErrors {
  const errors: SheetErrors = {};
  for (const d of details) {
    const path = d.path.replace(/^content\./, '');
    errors[path] ??= d.message;
  }
  return errors;
}
