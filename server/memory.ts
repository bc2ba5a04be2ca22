import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How far V8 lets the JS heap grow past its live size before a full collection: 1.5x instead of
 * up to 4x. Under 64 busy clients every request outlives a scavenge, so its garbage lands in the
 * old generation; with the default factor that grew the heap from ~95 MB live to ~470 MB before
 * each Mark-Compact (+300 MiB of peak RSS at 100,000 sessions, bench section 5). The flag is read
 * at each collection, so setting it at start-up takes effect; `node --heap-growing-percent=N` wins.
 */
const HEAP_GROWING_PERCENT = 50;

/** The control plane process's V8 memory settings; call first thing. */
export function tuneHeap(): void {
  const nodeFlags = `${process.execArgv.join(' ')} ${process.env['NODE_OPTIONS'] ?? ''}`;
  if (!nodeFlags.includes('--heap-growing-percent'))
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

type GcOptions = { type: 'major'; execution: 'sync'; flavor: 'last-resort' };

/**
 * Seeding allocates hundreds of MB that are garbage once it is done, and V8 keeps the pages it
 * grew to for them: at 5 M tasks a 128 MB young generation and old-space pages, all resident.
 * One memory-reducing full collection (the "last resort" flavour of V8's gc extension, which
 * also shrinks the young generation) hands them back before the first request: RSS after seeding
 * at bench scale 767 → 656 MiB, for 121 ms once. Under load the heap grows again to what the
 * requests need (the peak figure of bench section 5 covers that).
 */
export function releaseStartupGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options: GcOptions) => void;
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
