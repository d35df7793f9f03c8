import { useEffect, useState } from 'react';

/**
 * Loads a large, rarely used data set (countries, time zones) once, on first use, so it stays out of
 * the main bundle: pass a loader that calls `import()`; every later call shares the same promise.
 */
export function lazyData<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= load().catch((err: unknown) => {
      // A failed chunk (offline for a moment) may load on the next try.
      promise = undefined;
      throw err;
    });
    return promise;
  };
}

export type LazyState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed' };

/** The data from a lazyData loader, as React state. */
export function useLazyData<T>(load: () => Promise<T>): LazyState<T> {
  const [state, setState] = useState<LazyState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ status: 'ready', data }),
      () => live && setState({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}
