import { describe, expect, it } from 'vitest';
import type { GoalSheetContent, SheetGoal } from '../../shared/api/goal-sheets.ts';
import {
  compareForStaff,
  completenessProblems,
  isAllowed,
  isOverdue,
  maySubmit,
  normaliseContent,
  onTime,
  statusAfter,
  structureProblems,
  viewerOf,
} from './goal-sheet.rules.ts';

const goal = (overrides: Partial<SheetGoal> = {}): SheetGoal => ({
  title: 'Plan a summer reading program',
  programGoalIds: [1],
  activities: 'Monthly calls; shadow a program.',
  successMeasure: 'A written plan by June.',
  targetDate: '2027-06-01',
  ...overrides,
});
const sheet = (goals: SheetGoal[], communication = { channels: ['video' as const], cadence: 'Every other Tuesday' }): GoalSheetContent => ({
  goals,
  communication,
});

const LIMITS = { goalsMax: 3, activeGoalIds: new Set([1, 2, 3]), keepGoalIds: new Set<number>() };
const COMPLETE = { goalsMin: 1, goalsMax: 3, matchedOn: '2026-10-14', programEndsOn: '2027-09-30' };

describe('what a save must respect', () => {
  it('lets a draft be incomplete', () => {
    expect(
      structureProblems(
        sheet([goal({ title: '', activities: '', successMeasure: '', targetDate: null })], { channels: [], cadence: '' }),
        LIMITS,
      ),
    ).toEqual([]);
  });

  it('refuses more goals than the program allows, saying how many to remove', () => {
    const problems = structureProblems(sheet([goal(), goal(), goal(), goal()]), LIMITS);
    expect(problems).toEqual([
      { code: 'TOO_MANY_GOALS', path: 'goals', message: expect.stringMatching(/at most 3 goals\. Remove 1 goal/) },
    ]);
  });

  it('refuses program goals that do not exist or were retired, unless the sheet already had them', () => {
    expect(structureProblems(sheet([goal({ programGoalIds: [1, 99] })]), LIMITS)).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_PROGRAM_GOAL', path: 'goals.0.programGoalIds' }),
    ]);
    expect(structureProblems(sheet([goal({ programGoalIds: [4] })]), { ...LIMITS, keepGoalIds: new Set([4]) })).toEqual([]);
  });

  it('refuses a target date that is not on the calendar', () => {
    expect(structureProblems(sheet([goal(), goal({ targetDate: '2027-02-30' })]), LIMITS)).toEqual([
      expect.objectContaining({ code: 'INVALID_DATE', path: 'goals.1.targetDate' }),
    ]);
  });

  it('counts a program goal or channel ticked twice once', () => {
    const c = normaliseContent(
      sheet([goal({ programGoalIds: [2, 1, 2] })], { channels: ['email', 'email', 'phone'] as never, cadence: 'weekly' }),
    );
    expect(c.goals[0]?.programGoalIds).toEqual([2, 1]);
    expect(c.communication.channels).toEqual(['email', 'phone']);
  });
});

describe('what the program office needs', () => {
  it('accepts a complete sheet', () => {
    expect(completenessProblems(sheet([goal()]), COMPLETE)).toEqual([]);
  });

  it('names every missing part at its field', () => {
    const problems = completenessProblems(
      sheet([goal(), goal({ title: ' ', activities: '', successMeasure: '', targetDate: null })], { channels: [], cadence: '' }),
      COMPLETE,
    );
    expect(problems.map((p) => p.path)).toEqual([
      'goals.1.title',
      'goals.1.activities',
      'goals.1.successMeasure',
      'goals.1.targetDate',
      'communication.channels',
      'communication.cadence',
    ]);
    expect(problems[0]?.message).toBe('Goal 2: fill in the goal.');
  });

  it('asks for the minimum number of goals', () => {
    expect(completenessProblems(sheet([]), COMPLETE)).toEqual([expect.objectContaining({ code: 'TOO_FEW_GOALS', path: 'goals' })]);
    expect(completenessProblems(sheet([goal()]), { ...COMPLETE, goalsMin: 2 })[0]?.message).toMatch(
      /Add 1 goal more: the program asks for at least 2 goals/,
    );
  });

  it('keeps target dates inside the match year, both ends included', () => {
    expect(completenessProblems(sheet([goal({ targetDate: '2026-10-14' }), goal({ targetDate: '2027-09-30' })]), COMPLETE)).toEqual([]);
    const problems = completenessProblems(sheet([goal({ targetDate: '2026-10-13' }), goal({ targetDate: '2027-10-01' })]), COMPLETE);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['goals.0.targetDate', 'DATE_OUT_OF_RANGE'],
      ['goals.1.targetDate', 'DATE_OUT_OF_RANGE'],
    ]);
    expect(problems[0]?.message).toMatch(/before your match began/);
    expect(problems[1]?.message).toMatch(/after the program ends/);
  });
});

describe('who does what, when', () => {
  it('lets the mentee submit, and the mentor only when the program says either may', () => {
    expect(maySubmit('mentee', 'mentee')).toBe(true);
    expect(maySubmit('mentor', 'mentee')).toBe(false);
    expect(maySubmit('mentor', 'either')).toBe(true);
  });

  it('moves draft/returned → submitted → returned or acknowledged, and nothing after acknowledged', () => {
    expect(isAllowed('save', 'draft') && isAllowed('save', 'returned')).toBe(true);
    expect(isAllowed('save', 'submitted') || isAllowed('submit', 'submitted')).toBe(false);
    expect(statusAfter('submit', 'returned')).toBe('submitted');
    expect(statusAfter('save', 'returned')).toBe('returned');
    expect(statusAfter('return', 'submitted')).toBe('returned');
    expect(statusAfter('acknowledge', 'submitted')).toBe('acknowledged');
    expect(isAllowed('acknowledge', 'draft')).toBe(false);
    for (const action of ['save', 'submit', 'acknowledge', 'return'] as const) expect(isAllowed(action, 'acknowledged')).toBe(false);
  });

  it('sees the viewer as one of the pair before staff', () => {
    const match = { mentorId: 1, menteeId: 2 };
    expect(viewerOf(2, match, true)).toBe('mentee');
    expect(viewerOf(1, match, false)).toBe('mentor');
    expect(viewerOf(3, match, true)).toBe('staff');
    expect(viewerOf(3, match, false)).toBeNull();
  });
});

describe('on time and overdue, in the program time zone', () => {
  // 2026-11-13 ends at 06:00 UTC on 14 Nov in Chicago (CST, UTC−6).
  it('counts a first submission before local midnight as on time', () => {
    expect(onTime('2026-11-14T05:59:59.999Z', '2026-11-13', 'America/Chicago')).toBe(true);
    expect(onTime('2026-11-14T06:00:00.000Z', '2026-11-13', 'America/Chicago')).toBe(false);
    expect(onTime(null, '2026-11-13', 'America/Chicago')).toBeNull();
  });

  it('calls a never-sent sheet of an active match overdue once the due day is over', () => {
    const s = { firstSubmittedAt: null, dueOn: '2026-11-13', matchActive: true };
    expect(isOverdue(s, new Date('2026-11-14T05:59:00Z'), 'America/Chicago')).toBe(false);
    expect(isOverdue(s, new Date('2026-11-14T06:00:00Z'), 'America/Chicago')).toBe(true);
    expect(isOverdue({ ...s, matchActive: false }, new Date('2026-12-01T00:00:00Z'), 'America/Chicago')).toBe(false);
    expect(isOverdue({ ...s, firstSubmittedAt: '2026-11-20T00:00:00Z' }, new Date('2026-12-01T00:00:00Z'), 'America/Chicago')).toBe(false);
  });

  it('lists overdue sheets first, then those waiting for review, then by due date', () => {
    const e = (name: string, o: Partial<Parameters<typeof compareForStaff>[0]>) => ({
      overdue: false,
      status: 'draft' as const,
      dueOn: '2026-11-13',
      submittedAt: null,
      menteeName: name,
      ...o,
    });
    const list = [
      e('d', { dueOn: '2026-11-01', status: 'acknowledged' }),
      e('c', { status: 'submitted', submittedAt: '2026-11-02T00:00:00Z' }),
      e('b', { status: 'submitted', submittedAt: '2026-11-01T00:00:00Z' }),
      e('a', { overdue: true, dueOn: '2026-11-05' }),
      e('e', { dueOn: '2026-11-20' }),
    ];
    expect(list.sort(compareForStaff).map((x) => x.menteeName)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
