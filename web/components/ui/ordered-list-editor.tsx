import { useState } from 'react';
import type { ReactNode } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { focusWhen, listItemAt, moveItem } from '../../lib/reorder.ts';
import { Alert } from './alert.tsx';
import { ItemButton } from './item-button.tsx';

/** The request that saves a new order (a mutation taking every id in the new order). */
interface ReorderRequest {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  mutate: (ids: number[], options: { onSuccess: () => void }) => void;
}

interface OrderedListEditorProps<T extends { id: number }> {
  items: readonly T[];
  /** Starts the ids of an item's buttons, "goal" → goal-3-up, goal-3-down, goal-3-edit: the focus returns to them. */
  idPrefix: string;
  /** The item for screen readers, after each button's words: "goal: Grow confidence". */
  itemLabel: (item: T) => string;
  reorder: ReorderRequest;
  /** What is said once a move is saved; `target` is the item's new place, from 0. */
  movedMessage: (item: T, target: number) => string;
  announce: (text: string) => void;
  /** A failed change made with a row's own buttons (retire, restore): shown while no item is open for editing. */
  rowError?: unknown;
  /** Said when the list is empty. */
  empty?: string;
  /** The class of the part of a row that shows the item. */
  itemClassName?: string;
  renderItem: (item: T, index: number) => ReactNode;
  /** The edit form in place of the row; `done` closes it and puts the focus back on Edit. */
  renderEditor: (item: T, done: () => void) => ReactNode;
  /** Buttons after Edit, such as Retire or Delete. */
  renderActions?: (item: T) => ReactNode;
}

/**
 * A list staff keep in order (program goals, activities, FAQ entries): each row moves up or down a
 * place, or opens its edit form in place. The focus stays on the button pressed, at the item's new
 * place, and a live region (the page's) says where it went.
 */
export function OrderedListEditor<T extends { id: number }>({
  items,
  idPrefix,
  itemLabel,
  reorder,
  movedMessage,
  announce,
  rowError,
  empty,
  itemClassName = 'item-row__main',
  renderItem,
  renderEditor,
  renderActions,
}: OrderedListEditorProps<T>) {
  const [editing, setEditing] = useState<number | null>(null);

  const move = (index: number, by: -1 | 1) => {
    const item = items[index];
    const moved = moveItem(
      items.map((x) => x.id),
      index,
      by,
    );
    if (!item || !moved) return;
    reorder.mutate(moved.ids, {
      onSuccess: () => {
        announce(movedMessage(item, moved.target));
        const button = `${idPrefix}-${item.id}-${moved.focus}`;
        focusWhen(button, listItemAt(button, moved.target));
      },
    });
  };

  return (
    <>
      {reorder.isError ? <Alert tone="error">{errorMessage(reorder.error)}</Alert> : null}
      {rowError && editing === null ? <Alert tone="error">{errorMessage(rowError)}</Alert> : null}
      {items.length === 0 && empty ? <p className="muted">{empty}</p> : null}
      <ol className="plain-list item-list">
        {items.map((item, index) => {
          const id = `${idPrefix}-${item.id}`;
          const label = itemLabel(item);
          return (
            <li key={item.id}>
              {editing === item.id ? (
                renderEditor(item, () => {
                  setEditing(null);
                  focusWhen(`${id}-edit`);
                })
              ) : (
                <div className="item-row">
                  <div className={itemClassName}>{renderItem(item, index)}</div>
                  <div className="item-row__actions">
                    <ItemButton
                      id={`${id}-up`}
                      itemLabel={label}
                      disabled={index === 0 || reorder.isPending}
                      onClick={() => move(index, -1)}
                    >
                      Move up
                    </ItemButton>
                    <ItemButton
                      id={`${id}-down`}
                      itemLabel={label}
                      disabled={index === items.length - 1 || reorder.isPending}
                      onClick={() => move(index, 1)}
                    >
                      Move down
                    </ItemButton>
                    <ItemButton id={`${id}-edit`} itemLabel={label} onClick={() => setEditing(item.id)}>
                      Edit
                    </ItemButton>
                    {renderActions?.(item)}
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

interface RetireButtonProps {
  /** The row's id prefix ("goal-3"): the button is goal-3-retire or goal-3-restore. */
  idPrefix: string;
  itemLabel: string;
  /** The item's name in what is said once it is saved: "“Networking” retired." */
  title: string;
  retired: boolean;
  /** Sends the change; calls onSuccess once it is saved. */
  setRetired: (retired: boolean, onSuccess: () => void) => void;
  announce: (text: string) => void;
}

/** Retire, or Restore a retired item; once saved, says so and moves the focus to the button that undoes it. */
export function RetireButton({ idPrefix, itemLabel, title, retired, setRetired, announce }: RetireButtonProps) {
  const change = (next: boolean) =>
    setRetired(next, () => {
      announce(next ? `“${title}” retired.` : `“${title}” restored.`);
      focusWhen(`${idPrefix}-${next ? 'restore' : 'retire'}`);
    });
  return retired ? (
    <ItemButton id={`${idPrefix}-restore`} itemLabel={itemLabel} onClick={() => change(false)}>
      Restore
    </ItemButton>
  ) : (
    <ItemButton id={`${idPrefix}-retire`} itemLabel={itemLabel} variant="danger" onClick={() => change(true)}>
      Retire
    </ItemButton>
  );
}
