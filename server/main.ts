import { USAGE, UsageError, parseArgs } from './cli-args';
import { startControlPlane } from './control-plane';
import { DEFAULTS } from './defaults';
import { releaseStartupGarbage, tuneHeap } from './memory';

/** `tsx server/main.ts …` — the embedded control plane as a process. */
async function main(): Promise<void> {
  tuneHeap();
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
  releaseStartupGarbage();
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
