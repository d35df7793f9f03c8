import { useState } from 'react';

/**
 * The value a control shows: the one just chosen until its owner's value changes, then the
 * owner's. Filters kept in the address change it through a router navigation, which React runs as
 * a transition: without this, a controlled check box or radio button would flip back until the
 * navigation lands (and a test clicking it would see no change). The owner's onChange is still
 * called at once, outside any transition, so form state that a draft or a "leave" reads is current.
 */
export function usePendingValue<T>(value: T): [shown: T, choose: (next: T) => void] {
  const [pending, setPending] = useState<{ next: T; over: T } | null>(null);
  // Set during render when the owner's value moved on: the choice is no longer pending.
  if (pending !== null && !Object.is(pending.over, value)) setPending(null);
  const shown = pending !== null && Object.is(pending.over, value) ? pending.next : value;
  return [shown, (next: T) => setPending({ next, over: value })];
}
