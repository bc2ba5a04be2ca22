import { InjectionToken } from '@angular/core';

/** Where grid preferences live; localStorage in the browser, a map in tests. */
export interface KeyValueStorage {
  get(key: string): string | null;
  /** False when the value could not be written (quota exceeded, storage disabled). */
  set(key: string, value: string): boolean;
  remove?(key: string): void;
}

export const GRID_STORAGE = new InjectionToken<KeyValueStorage>('GRID_STORAGE', {
  providedIn: 'root',
  factory: () => ({
    get: (key) => {
      try {
        return globalThis.localStorage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        if (!globalThis.localStorage) return false;
        globalThis.localStorage.setItem(key, value);
        return true;
      } catch {
        // Full or disabled storage (private mode): the caller decides what that means.
        return false;
      }
    },
    remove: (key) => {
      try {
        globalThis.localStorage?.removeItem(key);
      } catch {
        // Nothing to do: it was not readable either.
      }
    },
  }),
});

/** In memory; `quota` (characters over all values) makes writes fail as a full localStorage does. */
export function memoryStorage(
  initial: Record<string, string> = {},
  quota = Infinity,
): KeyValueStorage & { readonly data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  const used = (except: string) =>
    [...data].reduce((sum, [k, v]) => (k === except ? sum : sum + k.length + v.length), 0);
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => {
      if (used(key) + key.length + value.length > quota) return false;
      data.set(key, value);
      return true;
    },
    remove: (key) => void data.delete(key),
  };
}
