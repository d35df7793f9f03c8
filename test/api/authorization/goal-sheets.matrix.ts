import type { Cell } from './matrix-kit.ts';

/** Routes of goal sheets: who may call them. */
export const goalSheetMatrix: Record<string, Cell> = {};
