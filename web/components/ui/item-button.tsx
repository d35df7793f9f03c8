import type { ComponentProps } from 'react';
import { Button } from './button.tsx';

type ItemButtonProps = ComponentProps<typeof Button> & {
  /** Which item it acts on, read after the visible words by screen readers: "goal: Grow confidence". */
  itemLabel: string;
};

/** A small button in a row of a list ("Edit", "Move up"), named for its item to assistive technology. */
export function ItemButton({ itemLabel, children, ...rest }: ItemButtonProps) {
  return (
    <Button variant="secondary" small {...rest}>
      {children}
      <span className="visually-hidden"> {itemLabel}</span>
    </Button>
  );
}
