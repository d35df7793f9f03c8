import { useEffect, useRef } from 'react';
import { useEditor } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { RichNode } from '../../../../src/shared/api/reports.ts';
import { ChartNode } from './chart-node.tsx';

/** Web pages and e-mail only: anything else (javascript:, data:…) never becomes a link. */
const ALLOWED_LINK = /^(https?:\/\/|mailto:)/i;

/**
 * Only what a report may hold (the server keeps to the same list): paragraphs, headings at levels
 * 2 and 3, lists, quotes, line breaks, bold, italic, underline, strike-through, links to web pages
 * and e-mail, and charts. No code, no images, no rules.
 */
export const reportExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      isAllowedUri: (url) => ALLOWED_LINK.test(url.trim()),
      shouldAutoLink: (url) => ALLOWED_LINK.test(url.trim()) || !url.includes(':'),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    },
  }),
  ChartNode,
];

/** A document the editor can open: an empty body becomes one empty paragraph. */
function openable(body: RichNode): RichNode {
  return body.type === 'doc' && body.content && body.content.length > 0 ? body : { type: 'doc', content: [{ type: 'paragraph' }] };
}

/**
 * One TipTap editor for a section's text. The text area is a labelled multi-line text box for
 * assistive technology; its label follows the section's title.
 */
export function useReportEditor({
  body,
  label,
  editable,
  onChange,
}: {
  body: RichNode;
  label: string;
  editable: boolean;
  onChange?: (body: RichNode) => void;
}): Editor {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const attributes = (name: string, canEdit: boolean): Record<string, string> =>
    canEdit
      ? { 'aria-label': name, role: 'textbox', 'aria-multiline': 'true', class: 'report-editor__text' }
      : { 'aria-label': name, role: 'region', class: 'report-editor__text report-editor__text--read' };
  const editor = useEditor({
    extensions: reportExtensions,
    content: openable(body),
    editable,
    editorProps: { attributes: attributes(label, editable) },
    onUpdate: ({ editor: e }) => onChangeRef.current?.(e.getJSON() as RichNode),
  });
  useEffect(() => {
    editor.setOptions({ editorProps: { attributes: attributes(label, editable) } });
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, label, editable]);
  return editor;
}

/** Replaces the editor's text without counting it as the person's change. */
export function replaceText(editor: Editor, body: RichNode): void {
  editor.commands.setContent(openable(body), { emitUpdate: false });
}
