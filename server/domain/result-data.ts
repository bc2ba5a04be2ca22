import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import type { Cluster } from '../store/cluster';
import { hash32 } from '../store/random';

/** ArmoniK.Core's default data_chunk_max_size (GetServiceConfiguration). */
export const DATA_CHUNK_MAX_SIZE = 81920;

/**
 * Key of the result's data in (simulated) object storage; empty while there is no data.
 * ArmoniK stores an opaque byte key; ours is the UTF-8 text of this string, which is also what
 * a filter on OPAQUE_ID compares against.
 */
export function opaqueIdText(cluster: Cluster, row: number): string {
  return cluster.results.status[row] === ResultStatus.COMPLETED
    ? `object/${cluster.resultId(row)}`
    : '';
}

/**
 * The bytes of a completed result: what a client uploaded, or else deterministic generated
 * text of exactly `size` bytes (so downloads are reproducible and multi-chunk ones verifiable).
 */
export function resultData(cluster: Cluster, row: number): Uint8Array {
  const uploaded = cluster.uploadedData.get(row);
  if (uploaded) return uploaded;
  const size = cluster.results.size.get(row);
  const out = new Uint8Array(size);
  const header = new TextEncoder().encode(`result ${cluster.resultId(row)} (${size} bytes)\n`);
  out.set(header.subarray(0, size));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = header.length; i < size; i++) {
    out[i] = (i + 1) % 64 === 0 ? 10 : alphabet.charCodeAt(hash32(row, i >>> 2) % alphabet.length);
  }
  return out;
}
