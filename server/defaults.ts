/**
 * The control plane's defaults, written once: `startControlPlane` applies them, the command
 * line's help and the start-up line print them. The input bounds and quotas have theirs in
 * limits.ts (`DEFAULT_LIMITS`).
 */
export const DEFAULTS = {
  port: 5001,
  host: '127.0.0.1',
  seed: 1,
  sessions: 500,
  tasks: 100_000,
  username: 'Anonymous',
  corsOrigins: '*',
} as const;
