import type { Cell } from './matrix-kit.ts';

/** Routes of program health and the participant workspace: who may call them. */
export const programHealthMatrix: Record<string, Cell> = {};
