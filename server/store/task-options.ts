/** Task options as the store keeps them (protocol-independent). */
export interface TaskOptionsData {
  readonly options: Readonly<Record<string, string>>;
  /** NaN when unset. */
  readonly maxDurationMs: number;
  readonly maxRetries: number;
  readonly priority: number;
  readonly partitionId: string;
  readonly applicationName: string;
  readonly applicationVersion: string;
  readonly applicationNamespace: string;
  readonly applicationService: string;
  readonly engineType: string;
}

export interface ApplicationData {
  readonly name: string;
  readonly version: string;
  readonly namespace: string;
  readonly service: string;
}

function canonicalKey(o: TaskOptionsData): string {
  const keys = Object.keys(o.options).sort();
  return JSON.stringify([
    keys.map((k) => [k, o.options[k]]),
    o.maxDurationMs,
    o.maxRetries,
    o.priority,
    o.partitionId,
    o.applicationName,
    o.applicationVersion,
    o.applicationNamespace,
    o.applicationService,
    o.engineType,
  ]);
}

/**
 * Interned, immutable task options. Millions of tasks share a few thousand distinct option sets,
 * so a task stores a 4-byte reference instead of an object. Reference counts of live tasks make
 * ListApplications (distinct name/version/namespace/service over tasks) independent of the task
 * count.
 */
export class TaskOptionsTable {
  private readonly entries: TaskOptionsData[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly taskRefs: number[] = [];
  private applicationsCache: ApplicationData[] | undefined;

  intern(options: TaskOptionsData): number {
    const key = canonicalKey(options);
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.entries.length;
      this.entries.push(
        Object.freeze({ ...options, options: Object.freeze({ ...options.options }) }),
      );
      this.taskRefs.push(0);
      this.byKey.set(key, index);
    }
    return index;
  }

  get(index: number): TaskOptionsData {
    return this.entries[index]!;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Counts a task in (+1) or out (-1) of an option set. */
  reference(index: number, delta: number): void {
    const before = this.taskRefs[index]!;
    const after = before + delta;
    this.taskRefs[index] = after;
    if ((before === 0) !== (after === 0)) this.applicationsCache = undefined;
  }

  /** Distinct applications over the option sets that live tasks use. */
  applications(): readonly ApplicationData[] {
    if (!this.applicationsCache) {
      const seen = new Map<string, ApplicationData>();
      this.entries.forEach((o, i) => {
        if (this.taskRefs[i] === 0) return;
        const app = {
          name: o.applicationName,
          version: o.applicationVersion,
          namespace: o.applicationNamespace,
          service: o.applicationService,
        };
        const key = JSON.stringify([app.name, app.version, app.namespace, app.service]);
        if (!seen.has(key)) seen.set(key, app);
      });
      this.applicationsCache = [...seen.values()];
    }
    return this.applicationsCache;
  }
}

/** Options of a session created without any (and of DeleteSession's synthetic reply). */
export const EMPTY_TASK_OPTIONS: TaskOptionsData = Object.freeze({
  options: Object.freeze({}),
  maxDurationMs: NaN,
  maxRetries: 0,
  priority: 0,
  partitionId: '',
  applicationName: '',
  applicationVersion: '',
  applicationNamespace: '',
  applicationService: '',
  engineType: '',
});
