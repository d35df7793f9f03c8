import type { Cell } from './matrix-kit.ts';

/** Routes of the activity catalogue and contact log: who may call them. */
export const activityMatrix: Record<string, Cell> = {};
