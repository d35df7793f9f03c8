/**
 * Moving one item of an ordered list up or down a place, as the goal, activity and FAQ editors do
 * with their "Move up" / "Move down" buttons. Pure, apart from focusSoon.
 */
export interface Move {
  /** Every id in the new order, for the reorder request. */
  ids: number[];
  /** The item's new place, from 0. */
  target: number;
  /** The button that should keep the focus: the same direction, or the other one at an edge. */
  focus: 'up' | 'down';
}

/** The list with the item at `index` moved by one place; null when it is already at that end. */
export function moveItem(ids: readonly number[], index: number, by: -1 | 1): Move | null {
  const target = index + by;
  const id = ids[index];
  if (id === undefined || target < 0 || target >= ids.length) return null;
  const next = ids.filter((_, i) => i !== index);
  next.splice(target, 0, id);
  const focus = target === 0 ? 'down' : target === ids.length - 1 ? 'up' : by === -1 ? 'up' : 'down';
  return { ids: next, target, focus };
}

/** Focus an element once React has rendered the change that (re)creates it. */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
