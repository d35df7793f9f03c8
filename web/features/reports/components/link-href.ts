/**
 * What someone typed in the link dialog, as the address a report may link to: a web page (http or
 * https) or e-mail (mailto). A bare domain gets https://, a bare e-mail address mailto:. Anything
 * else (javascript:, data:, a relative path, words) is null: not a link.
 */
export function linkHref(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  if (/^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(text)) return text;
  if (/^[^\s@/:<>"]+@[^\s@/:<>"]+\.[^\s@/:<>"]+$/.test(text)) return `mailto:${text}`;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^\s<>"]*)?$/i.test(text)) return `https://${text}`;
  return null;
}
