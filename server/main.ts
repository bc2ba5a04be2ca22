import { setFlagsFromString } from 'node:v8';

import { USAGE, UsageError, parseArgs } from './cli-args';
import { startControlPlane } from './control-plane';
import { DEFAULTS } from './defaults';

/**
 * How far V8 lets the JS heap grow past its live size before a full collection: 1.5x instead of
 * up to 4x. Under 64 busy clients every request outlives a scavenge, so its garbage lands in the
 * old generation; with the default factor that grew the heap from ~95 MB live to ~470 MB before
 * each Mark-Compact (+300 MiB of peak RSS at 100,000 sessions, bench section 5). The flag is read
 * at each collection, so setting it here takes effect; `node --heap-growing-percent=N` wins.
 */
const HEAP_GROWING_PERCENT = 50;

/** `tsx server/main.ts …` — the embedded control plane as a process. */
async function main(): Promise<void> {
  const nodeFlags = `${process.execArgv.join(' ')} ${process.env['NODE_OPTIONS'] ?? ''}`;
  if (!nodeFlags.includes('--heap-growing-percent'))
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const started = performance.now();
  const plane = await startControlPlane(options);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `ArmoniK embedded control plane listening on ${plane.url} ` +
      `(seed ${options.seed ?? DEFAULTS.seed}, ${options.sessions ?? DEFAULTS.sessions} sessions, ${options.tasks ?? DEFAULTS.tasks} tasks, ` +
      `simulation ${options.simulation === false ? 'off' : 'on'}, ready in ${seconds}s)`,
  );
  if (options.staticDir)
    console.log(`Serving the console from ${options.staticDir} at ${plane.url}/`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1); // a second Ctrl-C forces it
    stopping = true;
    console.log(`${signal} received, shutting down`);
    plane.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(
    error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? error.message
      : error,
  );
  process.exit(1);
});
