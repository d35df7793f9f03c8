/** Maps free-text list items (interests, languages) to bit positions, case- and space-insensitively. */
export class Vocabulary {
  private readonly index = new Map<string, number>();

  static key(item: string): string {
    return item.trim().replace(/\s+/g, ' ').toLowerCase();
  }

  add(item: string): number {
    const key = Vocabulary.key(item);
    let bit = this.index.get(key);
    if (bit === undefined) {
      bit = this.index.size;
      this.index.set(key, bit);
    }
    return bit;
  }

  get size(): number {
    return this.index.size;
  }

  /** 32-bit words needed for a bit set over this vocabulary (at least 1). */
  get words(): number {
    return Math.max(1, Math.ceil(this.index.size / 32));
  }
}

export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
