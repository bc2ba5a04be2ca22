import { createHash } from 'node:crypto';
import {
  type Stats,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text files worth compressing; fonts and images are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.txt',
  '.xml',
  '.svg',
  '.webmanifest',
]);

/** Below this, compression saves less than the headers it costs. */
const MIN_BYTES = 1024;

/**
 * config.json is the deployment's to change at any time (and the server answers it itself):
 * a compressed copy would go stale.
 */
const NEVER = new Set(['config.json']);

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) for every compressible file of
 * `root` into a cache folder outside it (a build folder may be read-only or not ours), and
 * returns that folder. A copy is kept while its source keeps its modification time, so only
 * the first start after a build pays (about 2.6 s of brotli for a 1.6 MB build); copies whose
 * source is gone or changed are removed, so nothing stale is ever served.
 */
export function precompress(root: string, cacheBase = join(tmpdir(), 'session-console-static')) {
  const base = resolve(root);
  const cache = join(cacheBase, createHash('sha256').update(base).digest('hex').slice(0, 16));
  const wanted = new Set<string>();
  for (const [file, stats] of walk(base)) {
    const name = relative(base, file);
    if (!COMPRESSIBLE.has(extname(file).toLowerCase()) || NEVER.has(name)) continue;
    if (stats.size < MIN_BYTES) continue;
    const target = join(cache, name);
    wanted.add(`${target}.br`).add(`${target}.gz`);
    if (fresh(`${target}.br`, stats) && fresh(`${target}.gz`, stats)) continue;
    const data = readFileSync(file);
    mkdirSync(dirname(target), { recursive: true });
    write(`${target}.gz`, gzipSync(data, { level: 9 }), stats);
    write(
      `${target}.br`,
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
      stats,
    );
  }
  mkdirSync(cache, { recursive: true });
  for (const [file] of walk(cache)) if (!wanted.has(file)) rmSync(file, { force: true });
  return cache;
}

function* walk(dir: string): Generator<[string, Stats]> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield [path, statSync(path)];
  }
}

/**
 * The copy carries its source's modification time: the same means up to date (within a
 * millisecond: `utimes` does not keep nanoseconds exactly).
 */
function fresh(copy: string, source: Stats): boolean {
  try {
    return Math.abs(statSync(copy).mtimeMs - source.mtimeMs) < 1;
  } catch {
    return false;
  }
}

/** Written aside then renamed: a server starting at the same time never reads half a file. */
function write(path: string, body: Buffer, source: Stats): void {
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, body);
  utimesSync(aside, source.atimeMs / 1000, source.mtimeMs / 1000);
  renameSync(aside, path);
}
