import { describe, expect, it } from 'vitest';
import { moveItem } from './reorder.ts';

describe('moving an item in an ordered list', () => {
  it('moves up and down by one place and says which button keeps the focus', () => {
    expect(moveItem([1, 2, 3, 4], 2, -1)).toEqual({ ids: [1, 3, 2, 4], target: 1, focus: 'up' });
    expect(moveItem([1, 2, 3, 4], 1, 1)).toEqual({ ids: [1, 3, 2, 4], target: 2, focus: 'down' });
  });

  it('hands the focus to the other button when the item reaches an end', () => {
    expect(moveItem([1, 2, 3], 1, -1)).toEqual({ ids: [2, 1, 3], target: 0, focus: 'down' });
    expect(moveItem([1, 2, 3], 1, 1)).toEqual({ ids: [1, 3, 2], target: 2, focus: 'up' });
  });

  it('does nothing past either end', () => {
    expect(moveItem([1, 2, 3], 0, -1)).toBeNull();
    expect(moveItem([1, 2, 3], 2, 1)).toBeNull();
    expect(moveItem([], 0, 1)).toBeNull();
  });
});
