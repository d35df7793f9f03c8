import { MAX_WISHES } from '../../../../src/shared/matching-modes.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { ItemButton } from '../../../components/ui/item-button.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { focusWhen, listItemAt, moveItem } from '../../../lib/reorder.ts';
import type { Suggestion } from '../api/get-my-suggestions.ts';

interface WishListProps {
  /** My wishes, first choice first (mentor user ids). */
  ids: readonly number[];
  byId: ReadonlyMap<number, Suggestion>;
  busy: boolean;
  error: unknown;
  /** Saves the new order; `saved` runs once it is stored. */
  save: (ids: number[], saved: () => void) => void;
  announce: (words: string) => void;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinal = (index: number) => ORDINALS[index] ?? `number ${index + 1}`;

/**
 * Hybrid mode: the mentors I would like, in order. Each change is saved at once; the focus stays
 * on the button pressed, at the mentor's new place, and the page's live region says where they went.
 */
export function WishList({ ids, byId, busy, error, save, announce }: WishListProps) {
  const move = (index: number, by: -1 | 1) => {
    const id = ids[index];
    const moved = moveItem(ids, index, by);
    const name = id === undefined ? '' : (byId.get(id)?.name ?? '');
    if (id === undefined || !moved) return;
    save(moved.ids, () => {
      announce(`${name} is now your ${ordinal(moved.target)} choice.`);
      const button = `wish-${id}-${moved.focus}`;
      focusWhen(button, listItemAt(button, moved.target));
    });
  };
  const remove = (index: number) => {
    const id = ids[index];
    if (id === undefined) return;
    save(
      ids.filter((x) => x !== id),
      () => {
        announce(`${byId.get(id)?.name ?? 'The mentor'} is off your wishes.`);
        focusWhen(`wish-${id}`);
      },
    );
  };

  return (
    <>
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      {ids.length === 0 ? (
        <p className="muted">No wishes yet. Add up to {MAX_WISHES} mentors from your suggestions below, then put them in order.</p>
      ) : (
        <ol className="plain-list item-list wish-list">
          {ids.map((id, index) => {
            const name = byId.get(id)?.name ?? 'A mentor no longer suggested';
            const label = `wish: ${name}`;
            return (
              <li key={id}>
                <div className="item-row">
                  <p className="item-row__main">
                    <span className="wish-list__rank">{index + 1}.</span> {name}
                  </p>
                  <div className="item-row__actions">
                    <ItemButton id={`wish-${id}-up`} itemLabel={label} disabled={index === 0 || busy} onClick={() => move(index, -1)}>
                      Move up
                    </ItemButton>
                    <ItemButton
                      id={`wish-${id}-down`}
                      itemLabel={label}
                      disabled={index === ids.length - 1 || busy}
                      onClick={() => move(index, 1)}
                    >
                      Move down
                    </ItemButton>
                    <ItemButton itemLabel={label} disabled={busy} onClick={() => remove(index)}>
                      Remove
                    </ItemButton>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
