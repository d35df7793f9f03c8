import { describe, expect, it } from 'vitest';
import { daysLeftShort, daysLeftWords } from './due-words.ts';

describe('days left in words', () => {
  it('reads naturally around today', () => {
    expect([12, 1, 0, -1, -3].map(daysLeftWords)).toEqual(['in 12 days', 'tomorrow', 'today', 'yesterday', '3 days ago']);
    expect([12, 1, 0, -1, -3].map(daysLeftShort)).toEqual(['12 days left', '1 day left', 'Due today', '1 day overdue', '3 days overdue']);
  });
});
