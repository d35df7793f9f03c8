/** A stable code for an eligibility question, made from its wording: "Are you 18 or older?" → "are_you_18_or_older". */
export function questionKeyFrom(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  if (slug === '') return '';
  return /^[a-z]/.test(slug) ? slug : `q_${slug}`.slice(0, 40);
}
