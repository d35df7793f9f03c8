/** "invitation.created" → "Invitation created": readable without a lookup table for every action. */
export function describeAction(action: string): string {
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(String).join(', ');
  return JSON.stringify(value);
}

/** A short, readable summary of an entry's details object. */
export function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${describeValue(value)}`)
    .join('; ');
}

/** "program_goal" → "Program goal" */
export function describeEntity(entityType: string): string {
  return describeAction(entityType);
}

/** "Period: Fall 2026" for a named person or period (a person's account is "Person"), else "Program goal #3". */
export function describeRecord(e: { entityType: string; entityId: string | null; entityName?: string | null }): string {
  if (e.entityName) return `${e.entityType === 'user' ? 'Person' : describeEntity(e.entityType)}: ${e.entityName}`;
  return `${describeEntity(e.entityType)}${e.entityId ? ` #${e.entityId}` : ''}`;
}
