import { useId } from 'react';
import type { ReactNode } from 'react';

interface CardProps {
  title?: ReactNode;
  /** Heading level for the title: 2 on most pages, 3 when nested under another section. */
  level?: 2 | 3;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/** A titled section of a page, labelled by its heading for screen-reader navigation. */
export function Card({ title, level = 2, actions, children, className }: CardProps) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={['card', className].filter(Boolean).join(' ')} aria-labelledby={title ? id : undefined}>
      {title || actions ? (
        <div className="card__header">
          {title ? <Heading id={id}>{title}</Heading> : null}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}
