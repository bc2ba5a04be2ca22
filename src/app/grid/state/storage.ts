import { InjectionToken } from '@angular/core';

/** Where grid preferences live; localStorage in the browser, a map in tests. */
export interface KeyValueStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
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
        globalThis.localStorage?.setItem(key, value);
      } catch {
        // Full or disabled storage (private mode): preferences then last for this tab only.
      }
    },
  }),
});

export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & {
  readonly data: Map<string, string>;
} {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
  };
}
