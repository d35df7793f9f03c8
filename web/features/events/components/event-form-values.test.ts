import { describe, expect, it } from 'vitest';
import { eventInputSchema } from '../../../../src/shared/api/events.ts';
import { blankEvent, formProblems, inputOf } from './event-form-values.ts';

const filled = {
  ...blankEvent('America/Chicago'),
  title: 'Spring forum',
  date: '2026-03-12',
  time: '18:00',
  joinUrl: 'https://meet.example.org/forum',
};

describe('the event form', () => {
  it('turns the typed values into what the server takes', () => {
    const input = eventInputSchema.parse(inputOf({ ...filled, capacity: '40', deadlineDate: '2026-03-10', deadlineTime: '12:00' }));
    expect(input).toMatchObject({
      durationMinutes: 60,
      capacity: 40,
      periodId: null,
      rsvpDeadline: { date: '2026-03-10', time: '12:00' },
    });
    expect(formProblems(filled)).toEqual({});
  });

  it('keeps the period only for the matches of a period, and reads another length', () => {
    const input = inputOf({ ...filled, audience: 'mentors', periodId: '3', duration: 'other', customMinutes: '75' });
    expect(input.periodId).toBeNull();
    expect(input.durationMinutes).toBe(75);
    expect(inputOf({ ...filled, audience: 'period_matches', periodId: '3' }).periodId).toBe(3);
  });

  it('asks for a place or a link, the period, and a whole deadline', () => {
    const problems = formProblems({ ...filled, joinUrl: '', audience: 'period_matches', deadlineDate: '2026-03-10' });
    expect(Object.keys(problems).sort()).toEqual(['joinUrl', 'periodId', 'rsvpDeadline']);
  });
});
