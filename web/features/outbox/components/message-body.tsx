import { linkify } from '../../../lib/linkify.ts';

/** A plain-text e-mail as it was written, with its web addresses as real links. */
export function MessageBody({ text }: { text: string }) {
  return (
    <pre className="message-body">
      {linkify(text).map((part, i) =>
        part.kind === 'link' ? (
          <a key={i} href={part.href}>
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </pre>
  );
}
