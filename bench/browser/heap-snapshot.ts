/**
 * Heap snapshots through CDP, and what grew between two of them: the endurance section takes one
 * after its baseline checkpoint and one at the end, and reports which kinds of object are more
 * numerous (or bigger) in the second — what each refresh leaves behind. The snapshots themselves
 * are kept in bench/out/ (git-ignored) to open in Chrome DevTools' Memory panel ("Comparison").
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

import { type CDPSession } from '@playwright/test';

/** Writes a full heap snapshot (after the GC the snapshot itself forces) to `file`. */
export async function takeHeapSnapshot(cdp: CDPSession, file: string): Promise<void> {
  const out = createWriteStream(file);
  const onChunk = ({ chunk }: { chunk: string }) => out.write(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}

export interface HeapGroup {
  /** `type:name`, e.g. `object:Subscriber`, `closure:next`, `string`, `native:HTMLDivElement`. */
  key: string;
  count: number;
  selfBytes: number;
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Blink's `detachedness` value for a DOM node out of the document. */
const DETACHED = 2;

export interface HeapSummary {
  /** Objects grouped by type and constructor/function name (DevTools' "Summary"). */
  groups: Map<string, HeapGroup>;
  /**
   * DOM nodes out of the document yet still reachable (DevTools' "Detached" filter): removed
   * elements something still holds. Undefined when the snapshot does not record it.
   */
  detachedDomNodes: number | undefined;
}

/** A snapshot's objects by kind, and its detached DOM nodes. */
export async function summarize(file: string): Promise<HeapSummary> {
  const json = JSON.parse(await readFile(file, 'utf8')) as SnapshotJson;
  const fields = json.snapshot.meta.node_fields;
  const types = json.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const detachedAt = fields.indexOf('detachedness');
  const groups = new Map<string, HeapGroup>();
  let detached = 0;
  // Every node is `width` numbers; a field missing from the file reads as 0 / "".
  const field = (node: number, at: number) => json.nodes[node + at] ?? 0;
  for (let i = 0; i < json.nodes.length; i += width) {
    const type = types[field(i, typeAt)] ?? '';
    if (detachedAt >= 0 && type === 'native' && field(i, detachedAt) === DETACHED) detached++;
    // Strings and numbers are grouped by type only: their "name" is their value.
    const name = ['string', 'concatenated string', 'sliced string', 'number'].includes(type)
      ? ''
      : (json.strings[field(i, nameAt)] ?? '').slice(0, 60);
    const key = name ? `${type}:${name}` : type;
    const group = groups.get(key) ?? { key, count: 0, selfBytes: 0 };
    group.count++;
    group.selfBytes += field(i, sizeAt);
    groups.set(key, group);
  }
  return { groups, detachedDomNodes: detachedAt >= 0 ? detached : undefined };
}

export interface HeapGrowth extends HeapGroup {
  /** Change from the first snapshot to the second. */
  countDelta: number;
  bytesDelta: number;
}

/** Groups that grew from `before` to `after`, most bytes first. */
export function growth(
  before: Map<string, HeapGroup>,
  after: Map<string, HeapGroup>,
  top = 12,
): HeapGrowth[] {
  const rows: HeapGrowth[] = [];
  for (const group of after.values()) {
    const was = before.get(group.key);
    const countDelta = group.count - (was?.count ?? 0);
    const bytesDelta = group.selfBytes - (was?.selfBytes ?? 0);
    if (bytesDelta > 0 || countDelta > 0) rows.push({ ...group, countDelta, bytesDelta });
  }
  return rows.sort((a, b) => b.bytesDelta - a.bytesDelta).slice(0, top);
}

/** Net change of total size from `before` to `after` over the groups `include` accepts, bytes. */
export function netBytes(
  before: Map<string, HeapGroup>,
  after: Map<string, HeapGroup>,
  include: (key: string) => boolean,
): number {
  let net = 0;
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (!include(key)) continue;
    net += (after.get(key)?.selfBytes ?? 0) - (before.get(key)?.selfBytes ?? 0);
  }
  return net;
}
