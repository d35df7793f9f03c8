import type { RunPair } from '../api/get-run.ts';

/** A pair's reasons, for and against, in words. */
export function ReasonsList({ reasons }: { reasons: RunPair['reasons'] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="plain-list reasons">
      {reasons.map((r, i) => (
        <li key={i} className={r.polarity === 'for' ? 'reason reason--for' : 'reason reason--against'}>
          <span aria-hidden="true">{r.polarity === 'for' ? '✓ ' : '✗ '}</span>
          <span className="visually-hidden">{r.polarity === 'for' ? 'For: ' : 'Against: '}</span>
          {r.text}
        </li>
      ))}
    </ul>
  );
}
