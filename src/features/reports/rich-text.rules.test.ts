import { describe, expect, it } from 'vitest';
import type { RichNode } from '../../shared/api/reports.ts';
import { MAX_SECTION_CHARS } from '../../shared/reports.ts';
import { renderReportHtml } from './report-html.ts';
import { chartRefs, hasContent, plainText, safeHref, sanitizeDoc, sectionSizeProblem } from './rich-text.rules.ts';

const p = (...content: RichNode[]): RichNode => ({ type: 'paragraph', content });
const t = (text: string, marks?: RichNode['marks']): RichNode => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

describe('rich-text sanitizer', () => {
  it('keeps the allowed nodes and marks as they are', () => {
    const input: RichNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [t('The year')] },
        p(
          t('Plain '),
          t('bold', [{ type: 'bold' }]),
          t(' and '),
          t('a link', [{ type: 'link', attrs: { href: 'https://example.org/x' } }]),
        ),
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('one'))] }] },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [p(t('three'), { type: 'hardBreak' }, t('more'))] }],
        },
        { type: 'blockquote', content: [p(t('Quoted'))] },
        { type: 'chart', attrs: { ref: { source: 'figures', periodId: 1, figure: 'applications' } } },
      ],
    };
    expect(sanitizeDoc(input)).toEqual(input);
  });

  it('keeps a pasted script as inert text and drops what is not allowed', () => {
    const dirty = doc(
      {
        type: 'paragraph',
        attrs: { onclick: 'alert(1)', style: 'x' },
        content: [t('<script>alert(1)</script>'), { type: 'image', attrs: { src: 'x' } }],
      },
      { type: 'script', content: [t('alert(2)')] },
      { type: 'htmlBlock', text: '<img src=x onerror=alert(3)>' },
      {
        type: 'heading',
        attrs: { level: 1, onmouseover: 'x' },
        content: [t('Big', [{ type: 'code' }, { type: 'bold', attrs: { onclick: 'x' } }])],
      },
      p(t('click', [{ type: 'link', attrs: { href: 'javascript:alert(4)', onclick: 'x' } }])),
      p(t('data', [{ type: 'link', attrs: { href: 'data:text/html,<script>' } }])),
      p(t('mail', [{ type: 'link', attrs: { href: 'mailto:taskforce@example.org' } }])),
      { type: 'listItem', content: [p(t('stray item'))] },
      { type: 'chart', attrs: { ref: { source: 'figures', periodId: 1, figure: 'secrets' } } },
      { type: 'chart', attrs: { ref: { source: 'survey', surveyId: 2, questionId: 'q1', extra: 1 } } },
    );
    const clean = sanitizeDoc(dirty);
    expect(clean).toEqual({
      type: 'doc',
      content: [
        p(t('<script>alert(1)</script>')),
        { type: 'heading', attrs: { level: 2 }, content: [t('Big', [{ type: 'bold' }])] },
        p(t('click')),
        p(t('data')),
        p(t('mail', [{ type: 'link', attrs: { href: 'mailto:taskforce@example.org' } }])),
      ],
    });
    const html = renderReportHtml({
      programName: 'P',
      title: 'T',
      periodName: 'Y',
      publishedOn: null,
      sections: [{ title: '<b>S</b>', body: clean }],
      charts: new Map(),
    });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;S&lt;/b&gt;');
  });

  it('accepts only http, https and mailto links', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org/');
    expect(safeHref('http://example.org/a?b=1')).toBe('http://example.org/a?b=1');
    expect(safeHref('mailto:a@example.org')).toBe('mailto:a@example.org');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '/relative',
      'example.org',
      '',
      42,
      null,
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });

  it('turns anything that is not a doc into an empty doc, and drops unknown top-level content', () => {
    expect(sanitizeDoc(null)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(sanitizeDoc({ type: 'paragraph', content: [t('x')] })).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(sanitizeDoc(doc(t('bare text'), { type: 'hardBreak' }))).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('stops at a depth limit instead of recursing without end', () => {
    let node: unknown = p(t('deep'));
    for (let i = 0; i < 2000; i++) node = { type: 'blockquote', content: [node] };
    const clean = sanitizeDoc(doc(node));
    expect(JSON.stringify(clean).length).toBeLessThan(2000);
  });

  it('reads plain text, charts and emptiness', () => {
    const d = sanitizeDoc(
      doc(
        p(t('Hello '), t('王芳', [{ type: 'bold' }])),
        { type: 'chart', attrs: { ref: { source: 'figures', periodId: 1, figure: 'outcomes' } } },
        { type: 'chart', attrs: { ref: { source: 'figures', periodId: 1, figure: 'outcomes' } } },
        p(t('Дмитрий')),
      ),
    );
    expect(plainText(d)).toBe('Hello 王芳\nДмитрий');
    expect(chartRefs(d)).toEqual([{ source: 'figures', periodId: 1, figure: 'outcomes' }]);
    expect(hasContent(d)).toBe(true);
    expect(hasContent(sanitizeDoc(doc(p(t('   ')))))).toBe(false);
    expect(hasContent(sanitizeDoc(doc({ type: 'chart', attrs: { ref: { source: 'survey', surveyId: 3, questionId: 'a' } } })))).toBe(true);
  });

  it('says when a section is too large to save', () => {
    const small = sanitizeDoc(doc(p(t('x'.repeat(1000)))));
    expect(sectionSizeProblem(small)).toBeNull();
    const paragraphs = Array.from({ length: Math.ceil(MAX_SECTION_CHARS / 10_000) + 1 }, () => p(t('y'.repeat(10_000))));
    expect(sectionSizeProblem(sanitizeDoc(doc(...paragraphs)))).toMatch(/too long/);
  });
});
