import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
export const PROTO_ROOT = join(REPO_ROOT, 'proto');

/** Generous per-call deadline: the contract tests assert behaviour, never durations. */
export const CALL_DEADLINE_MS = 60_000;
export const TEST_TIMEOUT_MS = 120_000;
