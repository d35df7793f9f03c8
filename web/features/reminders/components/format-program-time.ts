const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as people in the program's time zone read it, with the zone's abbreviation so
 * nobody mistakes it for their own time: 'Mon, Oct 26, 2026, 9:00 AM CDT'.
 */
export function formatProgramTime(iso: string, timeZone: string, locale?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const key = `${locale ?? ''}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      });
    } catch {
      // An unknown zone name: fall back to UTC, which the label then says.
      f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
      return `${f.format(at)} UTC`;
    }
    formatters.set(key, f);
  }
  return f.format(at);
}
