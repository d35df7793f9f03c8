import { chartKey, chartRefSchema } from '../../shared/api/reports.ts';
import type { ChartRef, RichNode } from '../../shared/api/reports.ts';
import { MAX_SECTION_CHARS } from '../../shared/reports.ts';

/**
 * A report section's body is ProseMirror JSON (what the TipTap editor sends), never HTML. This
 * sanitizer keeps only what a report may contain and rebuilds every node from scratch, so nothing
 * the client sent is passed through unchecked:
 *
 *   - blocks: paragraph, heading (level 2 or 3), bulletList, orderedList (start), listItem,
 *     blockquote, chart (attrs.ref: a valid ChartRef);
 *   - inline: text, hardBreak, and chart inside a paragraph;
 *   - marks on text: bold, italic, underline, strike, link (href: http, https or mailto only).
 *
 * Unknown node types are dropped with their content, unknown attributes (onclick, style, class…)
 * and unknown marks are dropped, a node in the wrong place (a list item straight in a paragraph)
 * is dropped. Text is kept as text: `<script>` typed or pasted into a paragraph stays the
 * characters `<script>`, escaped when the page is rendered.
 */

const MAX_DEPTH = 12;
const MAX_TEXT = 20_000;
const MAX_HREF = 2_000;

const BLOCKS = new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'chart']);
const INLINE = new Set(['text', 'hardBreak', 'chart']);
const MARKS = new Set(['bold', 'italic', 'underline', 'strike', 'link']);

type Context = 'block' | 'inline' | 'listItem';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A link's address if it is http(s) or mailto and well-formed; otherwise null. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_HREF) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  if (url.protocol === 'mailto:') return trimmed;
  return null;
}

function sanitizeMarks(marks: unknown): RichNode['marks'] {
  if (!Array.isArray(marks)) return undefined;
  const out: NonNullable<RichNode['marks']> = [];
  const seen = new Set<string>();
  for (const m of marks) {
    if (!isRecord(m) || typeof m.type !== 'string' || !MARKS.has(m.type) || seen.has(m.type)) continue;
    if (m.type === 'link') {
      const href = safeHref(isRecord(m.attrs) ? m.attrs.href : undefined);
      if (!href) continue;
      out.push({ type: 'link', attrs: { href } });
    } else {
      out.push({ type: m.type });
    }
    seen.add(m.type);
  }
  return out.length > 0 ? out : undefined;
}

function sanitizeChildren(content: unknown, context: Context, depth: number): RichNode[] {
  if (!Array.isArray(content) || depth > MAX_DEPTH) return [];
  const out: RichNode[] = [];
  for (const child of content) {
    const node = sanitizeNode(child, context, depth + 1);
    if (!node) continue;
    // Neighbouring text with the same marks becomes one text node (as ProseMirror keeps it).
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && JSON.stringify(last.marks) === JSON.stringify(node.marks)) {
      last.text = (last.text ?? '') + (node.text ?? '');
      continue;
    }
    out.push(node);
  }
  return out;
}

function sanitizeNode(input: unknown, context: Context, depth: number): RichNode | null {
  if (!isRecord(input) || typeof input.type !== 'string') return null;
  const type = input.type;
  const allowed = context === 'inline' ? INLINE : context === 'listItem' ? new Set(['listItem']) : BLOCKS;
  if (!allowed.has(type)) return null;
  switch (type) {
    case 'text': {
      if (typeof input.text !== 'string') return null;
      const text = input.text.slice(0, MAX_TEXT);
      if (text.length === 0) return null;
      const marks = sanitizeMarks(input.marks);
      return marks ? { type, text, marks } : { type, text };
    }
    case 'hardBreak':
      return { type };
    case 'chart': {
      const parsed = chartRefSchema.safeParse(isRecord(input.attrs) ? input.attrs.ref : undefined);
      return parsed.success ? { type, attrs: { ref: parsed.data } } : null;
    }
    case 'paragraph': {
      const content = sanitizeChildren(input.content, 'inline', depth);
      return content.length > 0 ? { type, content } : { type };
    }
    case 'heading': {
      const level = isRecord(input.attrs) && input.attrs.level === 3 ? 3 : 2;
      const content = sanitizeChildren(input.content, 'inline', depth);
      return content.length > 0 ? { type, attrs: { level }, content } : { type, attrs: { level } };
    }
    case 'bulletList':
    case 'orderedList': {
      const content = sanitizeChildren(input.content, 'listItem', depth);
      if (content.length === 0) return null;
      if (type === 'bulletList') return { type, content };
      const start = isRecord(input.attrs) ? input.attrs.start : undefined;
      const validStart = typeof start === 'number' && Number.isInteger(start) && start >= 0 && start <= 100_000 ? start : 1;
      return { type, attrs: { start: validStart }, content };
    }
    case 'listItem':
    case 'blockquote': {
      const content = sanitizeChildren(input.content, 'block', depth);
      // A list item or quote must hold at least one block.
      return { type, content: content.length > 0 ? content : [{ type: 'paragraph' }] };
    }
    default:
      return null;
  }
}

/** The allowlisted copy of a section body: always a `doc` with at least one block. */
export function sanitizeDoc(input: unknown): RichNode {
  const content = isRecord(input) && input.type === 'doc' ? sanitizeChildren(input.content, 'block', 0) : [];
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

/** A doc of plain paragraphs (the default outline's starter text). */
export function docOf(...paragraphs: (string | { chart: ChartRef })[]): RichNode {
  return {
    type: 'doc',
    content: paragraphs.map((p) =>
      typeof p === 'string' ? { type: 'paragraph', content: [{ type: 'text', text: p }] } : { type: 'chart', attrs: { ref: p.chart } },
    ),
  };
}

function walk(node: RichNode, visit: (n: RichNode) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

/** The text of a document, blocks separated by line breaks (for search, emptiness, tests). */
export function plainText(doc: RichNode): string {
  const parts: string[] = [];
  const collect = (node: RichNode): void => {
    if (node.type === 'text') parts.push(node.text ?? '');
    else if (node.type === 'hardBreak') parts.push('\n');
    for (const child of node.content ?? []) collect(child);
    if (BLOCKS.has(node.type) && node.type !== 'chart') parts.push('\n');
  };
  collect(doc);
  return parts
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Every chart a document shows, once each, in order. */
export function chartRefs(doc: RichNode): ChartRef[] {
  const byKey = new Map<string, ChartRef>();
  walk(doc, (n) => {
    if (n.type !== 'chart') return;
    const parsed = chartRefSchema.safeParse(n.attrs?.ref);
    if (parsed.success && !byKey.has(chartKey(parsed.data))) byKey.set(chartKey(parsed.data), parsed.data);
  });
  return [...byKey.values()];
}

/** Whether a section says anything: some text, or a chart. */
export function hasContent(doc: RichNode): boolean {
  return plainText(doc).length > 0 || chartRefs(doc).length > 0;
}

/** The stored size of a body, in characters (what MAX_SECTION_CHARS limits). */
export const storedSize = (doc: RichNode): number => JSON.stringify(doc).length;

/** Why a section is too large to save, or null. */
export function sectionSizeProblem(doc: RichNode): string | null {
  const size = storedSize(doc);
  if (size <= MAX_SECTION_CHARS) return null;
  return `This section is too long to save (${Math.round(size / 1000)}k of ${MAX_SECTION_CHARS / 1000}k characters, formatting included). Split it into two sections.`;
}
