import type { Deps } from './deps.ts';

/**
 * One of something per app (per Deps), made on first use: a feature's routes start work on it and
 * close it with the app, and tests reach the same one to await that work. Keyed weakly, so a closed
 * app's one can go; closing it also forgets it, so an app built again on the same Deps gets a new one.
 */
export function perApp<T extends { close(): Promise<void> }>(create: (deps: Deps) => T) {
  const made = new WeakMap<Deps, T>();
  return {
    of(deps: Deps): T {
      let one = made.get(deps);
      if (!one) {
        const created = create(deps);
        const wrapped: T = {
          ...created,
          async close() {
            if (made.get(deps) === wrapped) made.delete(deps);
            await created.close();
          },
        };
        made.set(deps, wrapped);
        one = wrapped;
      }
      return one;
    },
    /** The one already made for this app, if any (waiting on it must not make one). */
    existing: (deps: Deps): T | undefined => made.get(deps),
  };
}
