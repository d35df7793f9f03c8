/**
 * Moving one item of an ordered list up or down a place, as the goal, activity and FAQ editors do
 * with their "Move up" / "Move down" buttons. Pure, apart from focusWhen.
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

/**
 * Focus an element once the page shows the change: the element exists and `ready` says so,
 * checked every frame for up to two seconds. Focusing earlier loses the focus when React then
 * moves or replaces the element (a browser blurs a focused element it takes out of the page, even
 * to put it back one place further), and when that happens depends on how fast the list refetches.
 */
export function focusWhen(id: string, ready: () => boolean = () => true): void {
  let frames = 0;
  const attempt = () => {
    const element = document.getElementById(id);
    if (element && ready()) {
      element.focus();
      return;
    }
    frames += 1;
    if (frames < 120) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** For focusWhen after a move: the element's list item is rendered at its new place. */
export function listItemAt(id: string, index: number): () => boolean {
  return () => {
    const item = document.getElementById(id)?.closest('li');
    const list = item?.parentElement;
    return !!item && !!list && Array.prototype.indexOf.call(list.children, item) === index;
  };
}
