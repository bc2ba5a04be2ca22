/**
 * Counts what a page sends and receives, from CDP Network events: every request with its
 * resource type, body bytes sent and bytes received on the wire (encodedDataLength, headers
 * included), and when it started and finished. gRPC calls are the requests whose path starts
 * with `/armonik.api.grpc.v1.`.
 */
import { type CDPSession } from '@playwright/test';

import { sleep } from '../stats';

export const GRPC_PATH = '/armonik.api.grpc.v1.';

export interface Request {
  seq: number;
  id: string;
  url: string;
  /** `Service/Method` for gRPC calls, the path otherwise. */
  name: string;
  grpc: boolean;
  type: string;
  /** CDP monotonic timestamps, seconds. */
  start: number;
  end?: number;
  sentBytes: number;
  receivedBytes: number;
  failed?: string;
  /** Long-lived streams (Events.GetEvents) never count as pending. */
  stream: boolean;
}

const STREAMING = /\/(GetEvents|WatchSessions|Watch\w*)$/;

export class NetworkMeter {
  readonly requests: Request[] = [];
  private readonly byId = new Map<string, Request>();
  private seq = 0;

  private constructor(private readonly cdp: CDPSession) {}

  static async attach(cdp: CDPSession): Promise<NetworkMeter> {
    const meter = new NetworkMeter(cdp);
    cdp.on('Network.requestWillBeSent', (e) => {
      // A redirect re-uses the request id: keep the first.
      if (meter.byId.has(e.requestId)) return;
      const url = e.request.url;
      const path = new URL(url).pathname;
      const grpc = path.startsWith(GRPC_PATH);
      let sent = 0;
      for (const entry of e.request.postDataEntries ?? []) {
        if (entry.bytes) sent += Buffer.from(entry.bytes, 'base64').length;
      }
      const r: Request = {
        seq: meter.seq++,
        id: e.requestId,
        url,
        name: grpc ? path.slice(GRPC_PATH.length).replace(/^[\w.]+\./, '') : path,
        grpc,
        type: e.type ?? 'Other',
        start: e.timestamp,
        sentBytes: sent,
        receivedBytes: 0,
        stream: grpc && STREAMING.test(path),
      };
      meter.byId.set(e.requestId, r);
      meter.requests.push(r);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = meter.byId.get(e.requestId);
      if (!r) return;
      r.end = e.timestamp;
      r.receivedBytes = e.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', (e) => {
      const r = meter.byId.get(e.requestId);
      if (!r) return;
      r.end = e.timestamp;
      r.failed = e.errorText || 'failed';
    });
    await cdp.send('Network.enable', { maxPostDataSize: 65_536 });
    return meter;
  }

  /** A marker: requests made after this point are `since(marker)`. */
  mark(): number {
    return this.seq;
  }

  since(marker: number): Request[] {
    return this.requests.filter((r) => r.seq >= marker);
  }

  pending(marker: number): Request[] {
    return this.since(marker).filter((r) => r.end === undefined && !r.stream);
  }

  /**
   * Waits until at least `minRequests` gRPC calls were made since `marker`, none of them (nor
   * any other request since then) is still pending, and nothing new started for `quietMs`.
   * Resolves false on timeout.
   */
  async waitIdle(
    marker: number,
    opts: { quietMs?: number; timeoutMs?: number; minRequests?: number } = {},
  ): Promise<boolean> {
    const quietMs = opts.quietMs ?? 100;
    const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
    const minRequests = opts.minRequests ?? 1;
    let lastCount = -1;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      const all = this.since(marker);
      const grpcCount = all.filter((r) => r.grpc).length;
      if (all.length !== lastCount) {
        lastCount = all.length;
        quietSince = Date.now();
      }
      if (
        grpcCount >= minRequests &&
        this.pending(marker).length === 0 &&
        Date.now() - quietSince >= quietMs
      ) {
        return true;
      }
      await sleep(10);
    }
    return false;
  }

  /** Drops what is no longer needed (endurance runs make thousands of requests). */
  forget(beforeMarker: number): void {
    for (let i = this.requests.length - 1; i >= 0; i--) {
      const r = this.requests[i];
      if (r && r.seq < beforeMarker && r.end !== undefined) {
        this.requests.splice(i, 1);
        this.byId.delete(r.id);
      }
    }
  }

  async detach(): Promise<void> {
    await this.cdp.send('Network.disable').catch(() => undefined);
  }
}

export interface Traffic {
  calls: number;
  sentBytes: number;
  receivedBytes: number;
  byMethod: Record<string, number>;
}

export function grpcTraffic(requests: Request[]): Traffic {
  const grpc = requests.filter((r) => r.grpc && !r.stream);
  const byMethod: Record<string, number> = {};
  for (const r of grpc) byMethod[r.name] = (byMethod[r.name] ?? 0) + 1;
  return {
    calls: grpc.length,
    sentBytes: grpc.reduce((a, r) => a + r.sentBytes, 0),
    receivedBytes: grpc.reduce((a, r) => a + r.receivedBytes, 0),
    byMethod,
  };
}
