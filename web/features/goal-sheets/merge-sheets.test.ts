import { describe, expect, it } from 'vitest';
import type { GoalSheetContent, SheetGoal } from '../../../src/shared/api/goal-sheets.ts';
import { mergeSheets } from './merge-sheets.ts';

const goal = (title: string, o: Partial<SheetGoal> = {}): SheetGoal => ({
  title,
  programGoalIds: [1],
  activities: `${title}: activities`,
  successMeasure: `${title}: measure`,
  targetDate: '2027-05-01',
  ...o,
});
const sheet = (
  goals: SheetGoal[],
  cadence = 'Every other week',
  channels: GoalSheetContent['communication']['channels'] = ['video'],
): GoalSheetContent => ({
  goals,
  communication: { channels, cadence },
});
const A = goal('A');
const B = goal('B');
const C = goal('C');
const base = sheet([A, B, C]);

describe('merging two people’s edits of a goal sheet', () => {
  it('takes theirs when I changed nothing, and mine when they changed nothing', () => {
    const theirs = sheet([A, goal('B', { activities: 'new' }), C], 'Weekly');
    expect(mergeSheets(base, theirs, base)).toMatchObject({ conflicts: [] });
    expect(mergeSheets(base, theirs, base).resolve({})).toEqual(theirs);
    expect(mergeSheets(base, base, theirs).resolve({})).toEqual(theirs);
  });

  it('combines different fields changed on each side, even within one goal', () => {
    const theirs = sheet([goal('A', { activities: 'theirs' }), B, C], 'Weekly');
    const mine = sheet([goal('A', { targetDate: '2027-06-01' }), B, C], 'Every other week', ['video', 'email']);
    const merged = mergeSheets(base, theirs, mine);
    expect(merged.conflicts).toEqual([]);
    expect(merged.resolve({})).toEqual(
      sheet([goal('A', { activities: 'theirs', targetDate: '2027-06-01' }), B, C], 'Weekly', ['video', 'email']),
    );
  });

  it('does not count the same change made on both sides as a conflict', () => {
    const both = sheet([goal('A', { title: 'A+' }), B, C]);
    expect(mergeSheets(base, both, both).conflicts).toEqual([]);
  });

  it('asks about each field both changed differently, and applies the choices', () => {
    const theirs = sheet([goal('A', { activities: 'theirs', programGoalIds: [2] }), B, C], 'Weekly');
    const mine = sheet([goal('A', { activities: 'mine', programGoalIds: [3] }), B, C], 'Monthly');
    const merged = mergeSheets(base, theirs, mine);
    expect(merged.conflicts.map((c) => c.id)).toEqual(['goal-0-programGoalIds', 'goal-0-activities', 'cadence']);
    expect(merged.conflicts[1]).toMatchObject({
      kind: 'goal-field',
      field: 'activities',
      goalNumber: 1,
      goalTitle: 'A',
      mine: 'mine',
      theirs: 'theirs',
    });
    const resolved = merged.resolve({ 'goal-0-programGoalIds': 'theirs', 'goal-0-activities': 'mine', cadence: 'theirs' });
    expect(resolved).toEqual(sheet([goal('A', { activities: 'mine', programGoalIds: [2] }), B, C], 'Weekly'));
  });

  it('lines goals up when one side removed a goal, so an edit to another goal still merges', () => {
    const mine = sheet([A, C]); // I removed B
    const theirs = sheet([A, B, goal('C', { successMeasure: 'theirs' })]); // they edited C
    const merged = mergeSheets(base, theirs, mine);
    expect(merged.conflicts).toEqual([]);
    expect(merged.resolve({})).toEqual(sheet([A, goal('C', { successMeasure: 'theirs' })]));
  });

  it('asks when one side removed a goal the other changed', () => {
    const mine = sheet([A, C]);
    const theirs = sheet([A, goal('B', { title: 'B, sharper' }), C]);
    const merged = mergeSheets(base, theirs, mine);
    expect(merged.conflicts).toEqual([
      expect.objectContaining({ id: 'goal-1', kind: 'goal', goalNumber: 2, mine: null, theirs: goal('B', { title: 'B, sharper' }) }),
    ]);
    expect(merged.resolve({ 'goal-1': 'mine' }).goals).toEqual([A, C]);
    expect(merged.resolve({ 'goal-1': 'theirs' }).goals).toEqual([A, goal('B', { title: 'B, sharper' }), C]);
  });

  it('keeps goals both sides added, theirs first, and a goal added the same way once', () => {
    const start = sheet([A]);
    const merged = mergeSheets(start, sheet([A, goal('Theirs')]), sheet([A, goal('Mine')]));
    expect(merged.conflicts).toEqual([]);
    expect(merged.resolve({}).goals.map((g) => g.title)).toEqual(['A', 'Theirs', 'Mine']);
    expect(mergeSheets(start, sheet([A, B]), sheet([A, B])).resolve({}).goals).toEqual([A, B]);
  });

  it('merges a first save against an empty sheet', () => {
    const empty = sheet([], '', []);
    const merged = mergeSheets(empty, sheet([A], 'Weekly', ['email']), sheet([B], '', ['email']));
    expect(merged.conflicts).toEqual([]);
    expect(merged.resolve({})).toEqual(sheet([A, B], 'Weekly', ['email']));
  });

  it('asks about channels both changed', () => {
    const merged = mergeSheets(base, sheet([A, B, C], 'Every other week', ['phone']), sheet([A, B, C], 'Every other week', ['chat']));
    expect(merged.conflicts).toEqual([{ id: 'channels', kind: 'channels', mine: ['chat'], theirs: ['phone'] }]);
    expect(merged.resolve({ channels: 'theirs' }).communication.channels).toEqual(['phone']);
  });
});
