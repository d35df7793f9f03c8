import { describe, expect, it } from 'vitest';
import type { MatchWorkspace } from '../api/get-match-workspace.ts';
import { nextSteps } from './next-steps.ts';

const date = (d: string) => `on ${d}`;

function workspace(
  over: {
    sheet?: Partial<MatchWorkspace['dates']['goalSheet']>;
    contact?: Partial<MatchWorkspace['contact']>;
    myRole?: MatchWorkspace['myRole'];
    status?: 'active' | 'ended';
  } = {},
): MatchWorkspace {
  return {
    match: {
      id: 7,
      periodId: 1,
      periodName: '2026',
      status: over.status ?? 'active',
      matchedAt: '2026-09-01T10:00:00.000Z',
      explanation: '',
    },
    myRole: over.myRole ?? 'mentee',
    people: [
      {
        userId: 2,
        role: 'mentor',
        name: 'Margaret Okafor',
        email: 'm@example.test',
        phone: '',
        jobTitle: '',
        employer: '',
        region: '',
        timeZone: 'UTC',
        channels: [],
        languages: [],
      },
    ],
    liaison: null,
    dates: {
      timeZone: 'UTC',
      today: '2026-09-10',
      matchedOn: '2026-09-01',
      goalSheet: { on: '2026-09-30', daysLeft: 20, status: 'not_started', ...over.sheet },
      guaranteeCloses: null,
      programEnds: { on: '2027-06-30', daysLeft: 293 },
    },
    meetInPersonHint: false,
    contact: { contactsPerMonth: 2, lastContactOn: null, contactsThisMonth: 0, quietAfterWeeks: 6, quiet: false, ...over.contact },
    sharedProgramGoalIds: [],
    resources: [],
  };
}

describe('nextSteps', () => {
  it('starts with the goal sheet and its date, then the first contact, then surveys', () => {
    const steps = nextSteps(workspace(), [{ id: 3, title: 'Midyear check-in', closesOn: '2026-10-01', started: false }], date);
    expect(steps.map((s) => s.text)).toEqual([
      'Send your goal sheet by on 2026-09-30',
      'Log your first contact with Margaret Okafor',
      'Answer the survey “Midyear check-in”',
    ]);
    expect(steps[0]?.href).toBe('/matches/7/goal-sheet');
    expect(steps[1]?.href).toBe('#keeping-in-touch');
    expect(steps[2]?.href).toBe('/surveys/3');
  });

  it('asks for a returned sheet first and says when a sheet is late', () => {
    expect(nextSteps(workspace({ sheet: { status: 'returned' } }), [], date)[0]?.text).toBe('Update your goal sheet and send it again');
    expect(nextSteps(workspace({ sheet: { daysLeft: -2, status: 'draft' } }), [], date)[0]?.text).toBe(
      'Send your goal sheet: it was due on 2026-09-30',
    );
  });

  it('once the sheet is in and contacts are logged, only a quiet match asks for something', () => {
    const settled = { sheet: { status: 'acknowledged' as const }, contact: { lastContactOn: '2026-09-05' } };
    expect(nextSteps(workspace(settled), [], date)).toEqual([]);
    const quiet = nextSteps(workspace({ ...settled, contact: { lastContactOn: '2026-07-01', quiet: true } }), [], date);
    expect(quiet.map((s) => s.text)).toEqual(['Get back in touch with Margaret Okafor']);
  });

  it('asks nothing of staff or of an ended match', () => {
    expect(nextSteps(workspace({ myRole: 'staff' }), [], date)).toEqual([]);
    expect(nextSteps(workspace({ status: 'ended' }), [], date)).toEqual([]);
  });
});
