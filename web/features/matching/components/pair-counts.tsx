import type { RunPairsPage } from '../api/get-run-pairs.ts';

const n = (count: number) => count.toLocaleString('en-US');

/**
 * What in the proposal needs a look, with a way to list just those pairs in the table below.
 * The figures are over the whole proposal, whatever the table shows.
 */
export function PairCounts({ counts, onShow }: { counts: RunPairsPage['counts']; onShow: (only: 'warnings' | 'locked') => void }) {
  const show = (only: 'warnings' | 'locked') => {
    onShow(only);
    document.getElementById('proposed-pairs')?.scrollIntoView({ block: 'start' });
  };
  return (
    <ul className="plain-list small">
      <li>
        <strong>{n(counts.warnings)}</strong> {counts.warnings === 1 ? 'pair has' : 'pairs have'} something against them
        {counts.warnings > 0 ? (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => show('warnings')}>
              List them<span className="visually-hidden">: pairs with something against them</span>
            </button>
          </>
        ) : null}
      </li>
      <li>
        <strong>{n(counts.locked)}</strong> locked {counts.locked === 1 ? 'pair' : 'pairs'}
        {counts.locked > 0 ? (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => show('locked')}>
              List them<span className="visually-hidden">: locked pairs</span>
            </button>
          </>
        ) : null}
      </li>
      <li>
        <strong>{n(counts.editedByHand)}</strong> {counts.editedByHand === 1 ? 'pair' : 'pairs'} set by hand
      </li>
    </ul>
  );
}
