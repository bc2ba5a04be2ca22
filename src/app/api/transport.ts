import { InjectionToken, inject } from '@angular/core';
import type { Transport } from '@connectrpc/connect';
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
    });
  },
});
