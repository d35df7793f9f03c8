import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { Button } from './button.tsx';

/**
 * A modal dialog (the browser's own <dialog>): focus stays inside while it is open, Escape closes
 * it, and focus goes back to whatever opened it.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  className = 'dialog',
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The look: `dialog` by default; the report editor's are wider. */
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className={className} aria-labelledby={titleId} onClose={onClose}>
      {open ? (
        <>
          <div className="card__header">
            <h2 id={titleId}>{title}</h2>
            <Button variant="secondary" small onClick={onClose}>
              Close
            </Button>
          </div>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
