/** Instants are stored as ISO-8601 UTC text; these keep the conversion in one place. */
export const toInstant = (d: Date): string => d.toISOString();
export const addMs = (d: Date, ms: number): Date => new Date(d.getTime() + ms);
