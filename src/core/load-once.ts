/**
 * "Load once, forget on failure", written once: a load that every caller
 * shares while it runs and after it succeeds, and that a failure (offline, a
 * chunk that did not arrive) leaves forgotten, so the next call tries again.
 */

export interface KeyedLoads<T> {
  (key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets every load (for tests). */
  forgetAll(): void;
}

/** One shared load per key. */
export function loadOncePerKey<T>(): KeyedLoads<T> {
  const loads = new Map<string, Promise<T>>();
  const once = (key: string, load: () => Promise<T>) => {
    let pending = loads.get(key);
    if (!pending) {
      const started = (pending = load());
      loads.set(key, started);
      started.catch(() => loads.get(key) === started && loads.delete(key));
    }
    return pending;
  };
  return Object.assign(once, { forgetAll: () => loads.clear() });
}

/** One shared load. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  const once = loadOncePerKey<T>();
  return () => once('', load);
}
