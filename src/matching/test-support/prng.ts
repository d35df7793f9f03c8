export { mulberry32 } from '../../shared/seeded-random.ts';

/** Integer in [lo, hi]. */
export function randomInt(random: () => number, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}
