import type { Cell } from './matrix-kit.ts';

/** Routes of resources and the FAQ: who may call them. */
export const resourceMatrix: Record<string, Cell> = {};
