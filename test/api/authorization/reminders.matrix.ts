import { STAFF_ONLY } from './matrix-kit.ts';
import type { Cell } from './matrix-kit.ts';

/** Routes of the reminder queue: staff only. A reminder that does not exist answers 404 once past the role check. */
export const reminderMatrix: Record<string, Cell> = {
  'GET /api/reminders': { url: () => '/api/reminders', expect: STAFF_ONLY },
  'POST /api/reminders/:id/cancel': { url: () => '/api/reminders/999999/cancel', expect: { ...STAFF_ONLY, staff: 404 } },
};
