import { InjectionToken } from '@angular/core';

/**
 * Deployment settings read at start-up from `/config.json`, so one production build can be
 * pointed at any cluster without a rebuild.
 */
export interface RuntimeConfig {
  /** Origin that serves the gRPC-web API; empty means the console's own origin. */
  readonly apiBaseUrl: string;
  /** Deadline given to every unary call, in milliseconds. */
  readonly callTimeoutMs: number;
}

export const DEFAULT_RUNTIME_CONFIG: RuntimeConfig = { apiBaseUrl: '', callTimeoutMs: 15_000 };

export const RUNTIME_CONFIG = new InjectionToken<RuntimeConfig>('RUNTIME_CONFIG', {
  providedIn: 'root',
  factory: () => DEFAULT_RUNTIME_CONFIG,
});

/** Keeps only well-formed settings; anything else falls back to the default. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_RUNTIME_CONFIG;
  const record = raw as Record<string, unknown>;
  const apiBaseUrl =
    typeof record['apiBaseUrl'] === 'string' ? record['apiBaseUrl'].replace(/\/+$/, '') : '';
  const timeout = record['callTimeoutMs'];
  const callTimeoutMs =
    typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0
      ? timeout
      : DEFAULT_RUNTIME_CONFIG.callTimeoutMs;
  return { apiBaseUrl, callTimeoutMs };
}

/** Fetches `/config.json`; a missing or broken file means "same origin, default deadline". */
export async function loadRuntimeConfig(fetchFn: typeof fetch = fetch): Promise<RuntimeConfig> {
  try {
    const response = await fetchFn('config.json', { cache: 'no-cache' });
    if (!response.ok) return DEFAULT_RUNTIME_CONFIG;
    return parseRuntimeConfig(await response.json());
  } catch {
    return DEFAULT_RUNTIME_CONFIG;
  }
}
