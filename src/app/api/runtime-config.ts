import { InjectionToken } from '@angular/core';

/**
 * Deployment settings read at start-up from `config.json` (beside index.html, so under the
 * base href), so one production build can be pointed at any cluster without a rebuild.
 */
export interface RuntimeConfig {
  /** Origin that serves the gRPC-web API; empty means the console's own origin. */
  readonly apiBaseUrl: string;
  /** Deadline given to every unary call, in milliseconds. */
  readonly callTimeoutMs: number;
  /**
   * Where native gRPC clients (ArmoniK SDKs, grpcurl) reach the cluster, e.g.
   * `http://armonik:5001`: the gRPC-web origin may only carry gRPC-web. Empty means unknown
   * (the Connect panel then says to ask the administrator). The embedded control plane fills it
   * with its own address when it serves the console.
   */
  readonly grpcEndpoint: string;
}

export const DEFAULT_RUNTIME_CONFIG: RuntimeConfig = {
  apiBaseUrl: '',
  callTimeoutMs: 15_000,
  grpcEndpoint: '',
};

export const RUNTIME_CONFIG = new InjectionToken<RuntimeConfig>('RUNTIME_CONFIG', {
  providedIn: 'root',
  factory: () => DEFAULT_RUNTIME_CONFIG,
});

/** An http(s) URL without its trailing slash, or '' for anything else. */
function httpUrl(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') return '';
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? value.trim().replace(/\/+$/, '')
      : '';
  } catch {
    return '';
  }
}

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
  return { apiBaseUrl, callTimeoutMs, grpcEndpoint: httpUrl(record['grpcEndpoint']) };
}

/**
 * Fetches `config.json` relative to the document's base URL (a build with base href `/admin/`
 * reads `/admin/config.json`); a missing or broken file means "same origin, default deadline".
 */
export async function loadRuntimeConfig(
  fetchFn: typeof fetch = fetch,
  baseUri: string = document.baseURI,
): Promise<RuntimeConfig> {
  try {
    const response = await fetchFn(new URL('config.json', baseUri), { cache: 'no-cache' });
    if (!response.ok) return DEFAULT_RUNTIME_CONFIG;
    return parseRuntimeConfig(await response.json());
  } catch {
    return DEFAULT_RUNTIME_CONFIG;
  }
}
