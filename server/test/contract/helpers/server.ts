import { join } from 'node:path';
import { startControlPlane } from '../../../control-plane';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
export const PROTO_ROOT = join(REPO_ROOT, 'proto');

// ---------------------------------------------------------------------------------------------
// The server under test
// ---------------------------------------------------------------------------------------------

export type ControlPlaneOptions = Parameters<typeof startControlPlane>[0];
export type ControlPlane = Awaited<ReturnType<typeof startControlPlane>>;

/** Small, deterministic, still data set: nothing moves unless a test acts on it. */
export const SMALL_CLUSTER = { seed: 20240917, sessions: 60, tasks: 3000 } as const;

export function startCluster(options: Partial<ControlPlaneOptions> = {}): Promise<ControlPlane> {
  return startControlPlane({
    port: 0,
    simulation: false,
    ...SMALL_CLUSTER,
    ...options,
  } as ControlPlaneOptions);
}

/** Generous per-call deadline: the contract tests assert behaviour, never durations. */
export const CALL_DEADLINE_MS = 60_000;
export const TEST_TIMEOUT_MS = 120_000;
