import { useEffect, useRef, useState } from 'react';

/** "120 characters left of 600": the words under a text box with a limit. */
export function charactersLeft(value: string, max: number): string {
  const left = max - value.length;
  if (left < 0) return `${-left} ${-left === 1 ? 'character' : 'characters'} too many (at most ${max})`;
  return `${left} ${left === 1 ? 'character' : 'characters'} left of ${max}`;
}

/**
 * Says how many characters are left to screen readers, once the person pauses typing: a visible
 * count in the field's hint covers sighted people, and announcing every keystroke would drown
 * out what they type. Put it right after the field.
 */
export function CharacterCountStatus({ value, max }: { value: string; max: number }) {
  const [said, setSaid] = useState('');
  // Nothing to say until they type: the count is in the hint they hear on reaching the field.
  const first = useRef(value);
  useEffect(() => {
    if (value === first.current && said === '') return;
    const timer = window.setTimeout(() => setSaid(charactersLeft(value, max)), 1000);
    return () => window.clearTimeout(timer);
  }, [value, max, said]);
  return (
    <p className="visually-hidden" role="status">
      {said}
    </p>
  );
}
