/** What the event's page is told after a save elsewhere, to say so at the top. */
export interface EventPageState {
  saved: 'created' | 'updated';
}

export function isEventPageState(value: unknown): value is EventPageState {
  return typeof value === 'object' && value !== null && 'saved' in value;
}
