import { linkify } from '../../../lib/linkify.ts';

/** An event's description: paragraphs as written, web addresses as links. */
export function LinkedText({ text }: { text: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p key={i} className="event-description">
          {linkify(paragraph).map((part, j) =>
            part.kind === 'link' ? (
              <a key={j} href={part.href} target="_blank" rel="noreferrer">
                {part.text}
              </a>
            ) : (
              <span key={j} style={{ whiteSpace: 'pre-line' }}>
                {part.text}
              </span>
            ),
          )}
        </p>
      ))}
    </>
  );
}
