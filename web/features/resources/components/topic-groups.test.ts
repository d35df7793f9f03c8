import { describe, expect, it } from 'vitest';
import { groupByTopic, topicsOf } from './topic-groups.ts';

describe('groupByTopic', () => {
  it('keeps the order and puts differently cased topics together', () => {
    const groups = groupByTopic([
      { topic: 'Being a mentee', id: 1 },
      { topic: 'being a mentor', id: 2 },
      { topic: 'Being a Mentor', id: 3 },
      { topic: 'Getting started', id: 4 },
    ]);
    expect(groups.map((g) => [g.topic, g.items.map((i) => i.id)])).toEqual([
      ['Being a mentee', [1]],
      ['being a mentor', [2, 3]],
      ['Getting started', [4]],
    ]);
  });

  it('lists each topic once', () => {
    expect(topicsOf([{ topic: 'A' }, { topic: 'a' }, { topic: 'B' }])).toEqual(['A', 'B']);
  });
});
