import type { Cell } from './matrix-kit.ts';

/** Routes of the reminder queue: who may call them. */
export const reminderMatrix: Record<string, Cell> = {};
