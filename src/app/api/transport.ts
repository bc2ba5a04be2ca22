import { InjectionToken, inject } from '@angular/core';
import type { Interceptor, Transport } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-web';

import { RUNTIME_CONFIG } from './runtime-config';

/**
 * The one gRPC-web transport of the console. Binary framing (smaller and cheaper to parse
 * than the base64 text form); every unary call gets the configured deadline.
 */
export const TRANSPORT = new InjectionToken<Transport>('TRANSPORT', {
  providedIn: 'root',
  factory: () => {
    const config = inject(RUNTIME_CONFIG);
    return createGrpcWebTransport({
      baseUrl: config.apiBaseUrl || globalThis.location.origin,
      useBinaryFormat: true,
      defaultTimeoutMs: config.callTimeoutMs,
      interceptors: [countCallsInFlight],
    });
  },
});

let inFlight = 0;

/**
 * The console's idle signal: unary calls in flight, on `<html data-calls-in-flight>`. Tests that
 * count requests wait for it to read 0 (after the page has rendered) instead of sleeping.
 * Server streams (live events) stay open by design and are not counted.
 */
export const countCallsInFlight: Interceptor = (next) => async (request) => {
  if (request.stream) return next(request);
  publish(++inFlight);
  try {
    return await next(request);
  } finally {
    publish(--inFlight);
  }
};

/**
 * Work that will make calls shortly but has not started them (e.g. counts waiting for the rows in
 * view to settle) holds the idle signal, so "0 in flight" never reads true in that gap. Returns the
 * release; releasing twice is harmless.
 */
export function holdIdle(): () => void {
  publish(++inFlight);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    publish(--inFlight);
  };
}

function publish(count: number): void {
  globalThis.document?.documentElement?.setAttribute('data-calls-in-flight', String(count));
}
