/**
 * An attacker that knows nothing of a suppression rule, for the property tests of survey results
 * (PRODUCT.md §10) and of the task force's figures (§11, decision 0012).
 *
 * The attacker sees some groups of units (people, or things that belong to people) and may add and
 * subtract them. The finest groups in play are the "atoms": units that every group takes together
 * or not at all (the non-empty cells over every attribute involved, shown or not). Each visible
 * group is a 0/1 vector over the atoms; a set of atoms is worked out by difference exactly when its
 * 0/1 vector lies in the rational span of the visible vectors, i.e. when it is orthogonal to every
 * vector of their kernel. The attacker tries every non-empty set of atoms and reports one holding
 * between 1 and min-1 distinct people. Exact integer arithmetic (BigInt elimination) throughout.
 */

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/**
 * A basis of the kernel { k : V·k = 0 } of the rows of `rows` (each of length `n`), as integer
 * vectors. A 0/1 vector x lies in the row span of V exactly when k·x = 0 for every k returned.
 */
export function integerKernel(rows: readonly (readonly number[])[], n: number): number[][] {
  const m = rows.map((r) => r.map((v) => BigInt(v)));
  const pivotCols: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivot = m[r]!;
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c] === 0n) continue;
      const a = pivot[c]!;
      const b = m[i]![c]!;
      const next = m[i]!.map((v, j) => a * v - b * pivot[j]!);
      const g = next.reduce((acc, v) => gcd(acc, v), 0n);
      m[i] = g > 1n ? next.map((v) => v / g) : next;
    }
    pivotCols.push(c);
    r++;
  }
  // Now row i has its pivot at pivotCols[i] and zeros in every other pivot column.
  const free = [...Array(n).keys()].filter((c) => !pivotCols.includes(c));
  return free.map((f) => {
    const scale = pivotCols.reduce((acc, pc, i) => {
      const p = m[i]![pc]!;
      const abs = p < 0n ? -p : p;
      return (acc * abs) / gcd(acc, abs);
    }, 1n);
    const k = new Array<bigint>(n).fill(0n);
    k[f] = scale;
    pivotCols.forEach((pc, i) => {
      k[pc] = (-m[i]![f]! * scale) / m[i]![pc]!;
    });
    return k.map((v) => {
      const num = Number(v);
      if (!Number.isSafeInteger(num)) throw new Error('kernel entry too large for the check');
      return num;
    });
  });
}

/** One thing the attacker may count: whose it is, and the atom (cell) it falls in. */
export interface AttackedUnit {
  person: string;
  atom: string;
}

export interface Leak {
  atoms: string[];
  people: number;
}

const popcount = (x: number) => {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
};

/** A set of atoms with 1..min-1 distinct people that the visible groups (unit indexes) add up to; or null. */
export function findLeak(units: readonly AttackedUnit[], visible: readonly (readonly number[])[], min: number): Leak | null {
  const atomKeys = [...new Set(units.map((u) => u.atom))];
  const n = atomKeys.length;
  if (n > 18) throw new Error(`too many atoms (${n}) to try every set`);
  const atomIndex = new Map(atomKeys.map((k, i) => [k, i]));
  const members = atomKeys.map(() => [] as number[]);
  units.forEach((u, i) => members[atomIndex.get(u.atom)!]!.push(i));

  // People in one atom only add up; people in several are counted once through a bit mask.
  const atomsOfPerson = new Map<string, Set<number>>();
  units.forEach((u) => atomsOfPerson.set(u.person, (atomsOfPerson.get(u.person) ?? new Set()).add(atomIndex.get(u.atom)!)));
  const shared = [...atomsOfPerson].filter(([, atoms]) => atoms.size > 1).map(([person]) => person);
  if (shared.length > 30) throw new Error('too many people in several atoms for the bit masks');
  const sharedBit = new Map(shared.map((p, i) => [p, 1 << i]));
  const ownPeople = atomKeys.map(() => 0);
  const sharedPeople = atomKeys.map(() => 0);
  for (const [person, atoms] of atomsOfPerson) {
    for (const a of atoms) {
      const bit = sharedBit.get(person);
      if (bit === undefined) ownPeople[a]! += 1;
      else sharedPeople[a]! |= bit;
    }
  }

  // Each visible group as a vector over atoms: it must take whole atoms (it is made of cells).
  const vectors = visible.map((group) => {
    const set = new Set(group);
    return members.map((m) => {
      const inside = m.filter((i) => set.has(i)).length;
      if (inside !== 0 && inside !== m.length) throw new Error('a visible group splits an atom');
      return inside === 0 ? 0 : 1;
    });
  });
  const kernel = integerKernel(vectors, n);

  // Every subset of atoms, by its lowest atom and the subset without it.
  const total = 1 << n;
  const own = new Int32Array(total);
  const sharedMask = new Int32Array(total);
  const dots = kernel.map(() => new Float64Array(total));
  for (let mask = 1; mask < total; mask++) {
    const low = 31 - Math.clz32(mask & -mask);
    const rest = mask & (mask - 1);
    own[mask] = own[rest]! + ownPeople[low]!;
    sharedMask[mask] = sharedMask[rest]! | sharedPeople[low]!;
    for (let j = 0; j < kernel.length; j++) dots[j]![mask] = dots[j]![rest]! + kernel[j]![low]!;
  }
  for (let mask = 1; mask < total; mask++) {
    const people = own[mask]! + popcount(sharedMask[mask]!);
    if (people === 0 || people >= min) continue;
    if (dots.every((d) => d[mask] === 0)) return { atoms: atomKeys.filter((_, i) => (mask >> i) & 1), people };
  }
  return null;
}
