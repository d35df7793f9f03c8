import { Fragment } from 'react';
import { linkify } from '../../../lib/linkify.ts';

/** Plain text as paragraphs (a blank line between them), with web addresses as links. */
export function AnswerText({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p key={i}>
          {paragraph.split('\n').map((line, j) => (
            <Fragment key={j}>
              {j > 0 ? <br /> : null}
              {linkify(line).map((part, k) =>
                part.kind === 'link' ? (
                  <a key={k} href={part.href}>
                    {part.text}
                  </a>
                ) : (
                  <Fragment key={k}>{part.text}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}
