import { useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';

interface Tool {
  label: string;
  /** Shown on the button when it differs from the label. */
  text?: ReactNode;
  shortcut?: string;
  /** null: not a toggle (no aria-pressed). */
  pressed: boolean | null;
  run: () => void;
}

/**
 * The formatting buttons for one section: a toolbar in the ARIA sense, so Tab reaches it once and
 * the arrow keys (Home, End) move between its buttons. Each toggle says whether it is on.
 */
export function EditorToolbar({
  editor,
  label,
  onLink,
  onChart,
}: {
  editor: Editor;
  label: string;
  onLink: () => void;
  onChart: () => void;
}) {
  const on = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
    }),
  });
  const [active, setActive] = useState(0);
  const bar = useRef<HTMLDivElement>(null);
  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    { label: 'Bold', text: <strong>B</strong>, shortcut: 'Control+B', pressed: on.bold, run: () => chain().toggleBold().run() },
    { label: 'Italic', text: <em>I</em>, shortcut: 'Control+I', pressed: on.italic, run: () => chain().toggleItalic().run() },
    { label: 'Heading', pressed: on.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { label: 'Subheading', pressed: on.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: 'Bulleted list', pressed: on.bullet, run: () => chain().toggleBulletList().run() },
    { label: 'Numbered list', pressed: on.ordered, run: () => chain().toggleOrderedList().run() },
    { label: 'Quote', pressed: on.quote, run: () => chain().toggleBlockquote().run() },
    { label: 'Link', text: 'Link…', pressed: on.link, run: onLink },
    { label: 'Insert chart', text: 'Insert chart…', pressed: null, run: onChart },
  ];

  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = tools.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? active === last
          ? 0
          : active + 1
        : e.key === 'ArrowLeft'
          ? active === 0
            ? last
            : active - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    bar.current?.querySelectorAll('button')[next]?.focus();
  };

  return (
    <div ref={bar} className="report-toolbar" role="toolbar" aria-label={label} onKeyDown={move}>
      {tools.map((t, i) => (
        <button
          key={t.label}
          type="button"
          className="report-toolbar__button"
          tabIndex={i === active ? 0 : -1}
          aria-pressed={t.pressed === null ? undefined : t.pressed}
          aria-label={t.text && typeof t.text !== 'string' ? t.label : undefined}
          aria-keyshortcuts={t.shortcut}
          title={t.shortcut ? `${t.label} (${t.shortcut.replace('Control', 'Ctrl')})` : undefined}
          onFocus={() => setActive(i)}
          onClick={t.run}
        >
          {t.text ?? t.label}
        </button>
      ))}
    </div>
  );
}
