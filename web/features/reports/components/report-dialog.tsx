import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button.tsx';

/**
 * A modal dialog (the browser's own <dialog>): focus stays inside while it is open, Escape closes
 * it, and focus goes back to whatever opened it.
 */
export function ReportDialog({
  open,
  title,
  onClose,
  children,
  wide = false,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
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
    <dialog ref={ref} className={wide ? 'report-dialog report-dialog--wide' : 'report-dialog'} aria-labelledby={titleId} onClose={onClose}>
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
