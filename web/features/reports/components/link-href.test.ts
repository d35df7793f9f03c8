import { describe, expect, it } from 'vitest';
import { linkHref } from './link-href.ts';

describe('linkHref', () => {
  it('keeps web and e-mail addresses as they are', () => {
    expect(linkHref('https://example.org/report?year=2026')).toBe('https://example.org/report?year=2026');
    expect(linkHref(' http://example.org ')).toBe('http://example.org');
    expect(linkHref('mailto:office@example.org')).toBe('mailto:office@example.org');
  });

  it('completes a bare domain or e-mail address', () => {
    expect(linkHref('example.org/about')).toBe('https://example.org/about');
    expect(linkHref('office@example.org')).toBe('mailto:office@example.org');
  });

  it('refuses anything that is not a web page or e-mail', () => {
    for (const bad of [
      '',
      '   ',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>',
      '/relative',
      'just words',
      'ftp://example.org',
      'https://exa mple.org',
    ]) {
      expect(linkHref(bad)).toBeNull();
    }
  });
});
