import { useId } from 'react';
import { Link } from 'react-router';

interface ShortcutProps {
  to: string;
  title: string;
  /** The link's words. Kept different from the main navigation's, so each link name is unique on the page. */
  linkText: string;
  /** A number to show big, e.g. "12"; undefined while it loads. */
  count?: string | undefined;
  countLabel?: string;
  text: string;
}

/** A small summary card for the home page: a heading, an optional number, a line of text and a link. */
export function Shortcut({ to, title, linkText, count, countLabel, text }: ShortcutProps) {
  const id = useId();
  return (
    <section className="shortcut" aria-labelledby={id}>
      <h2 className="shortcut__title" id={id}>
        {title}
      </h2>
      {countLabel ? (
        <p className="shortcut__count">
          {count ?? '…'} <span className="shortcut__count-label">{countLabel}</span>
        </p>
      ) : null}
      <p className="shortcut__text">{text}</p>
      <Link to={to} className="shortcut__link">
        {linkText}
      </Link>
    </section>
  );
}
