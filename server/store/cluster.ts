import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import type { PartitionData, PodData } from './catalog';
import { EventBus } from './event-bus';
import { IdCodec, IdKind } from './ids';
import { ResultStore } from './result-store';
import { type SessionRecord, SessionStore, TASK_STATUS_SLOTS, blankSession } from './session-store';
import { StringTable } from './string-table';
import { TaskOptionsTable } from './task-options';
import { timeBase } from './compact-column';
import { REMOVED, TaskStore } from './task-store';

export type Clock = () => number;

/** Uploaded result data by result row, with the bytes held (the stored-data quota reads it). */
export class DataMap extends Map<number, Uint8Array> {
  bytes = 0;

  override set(row: number, data: Uint8Array): this {
    this.bytes += data.length - (this.get(row)?.length ?? 0);
    return super.set(row, data);
  }

  override delete(row: number): boolean {
    this.bytes -= this.get(row)?.length ?? 0;
    return super.delete(row);
  }

  override clear(): void {
    this.bytes = 0;
    super.clear();
  }
}

/**
 * The whole in-memory cluster. Every change of a task or result status, owner, or existence goes
 * through the methods below so that the per-session indexes, the status counters, the
 * application reference counts and the event stream can never drift apart.
 */
export class Cluster {
  readonly ids: IdCodec;
  readonly options = new TaskOptionsTable();
  readonly messages = new StringTable();
  /** Client-given result names; seeded names are generated (see resultName). */
  readonly names = new StringTable();
  /** Prefixes of generated result names (registered by the seed). */
  readonly namePrefixes: string[] = [];
  readonly sessions = new SessionStore();
  readonly tasks: TaskStore;
  readonly results: ResultStore;
  readonly bus = new EventBus();
  readonly partitions = new Map<string, PartitionData>();
  readonly pods: PodData[] = [];
  /** Data uploaded by clients (CreateResults); generated results have no entry. */
  readonly uploadedData = new DataMap();
  /** Tasks submitted through the API keep their own lists (seeded ones use the range columns). */
  readonly submitted = new Map<
    number,
    { outputs: readonly number[]; dependencies: readonly number[]; payloadId: string }
  >();
  /** Live tasks per TaskStatus value over the whole cluster. */
  readonly taskCounts = new Int32Array(TASK_STATUS_SLOTS);
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly seed: number,
    readonly clock: Clock = Date.now,
  ) {
    this.ids = new IdCodec(seed);
    const base = timeBase(clock());
    this.tasks = new TaskStore(base);
    this.results = new ResultStore(base);
  }

  // ---- ids ------------------------------------------------------------------------------

  taskId(row: number): string {
    return row < 0 ? '' : this.ids.encode(IdKind.Task, row);
  }

  resultId(row: number): string {
    return row < 0 ? '' : this.ids.encode(IdKind.Result, row);
  }

  /** The id of the session a task belongs to ('' once that session is deleted). */
  taskSessionId(taskRow: number): string {
    return this.sessions.get(this.tasks.session[taskRow]!)?.id ?? '';
  }

  payloadId(taskRow: number): string {
    return this.submitted.get(taskRow)?.payloadId ?? this.ids.encode(IdKind.Payload, taskRow);
  }

  /** Result rows a task is expected to produce. */
  taskOutputs(row: number): readonly number[] {
    const explicit = this.submitted.get(row);
    if (explicit) return explicit.outputs;
    const start = this.tasks.outputStart[row]!;
    return Array.from({ length: this.tasks.outputCount[row]! }, (_, i) => start + i);
  }

  /** Result rows a task needs as input. */
  taskDependencies(row: number): readonly number[] {
    const explicit = this.submitted.get(row);
    if (explicit) return explicit.dependencies;
    const dependency = this.tasks.dependency[row]!;
    return dependency >= 0 ? [dependency] : [];
  }

  findSession(id: string): SessionRecord | undefined {
    const index = this.ids.decode(id, IdKind.Session);
    return index === undefined ? undefined : this.sessions.get(index);
  }

  findTask(id: string): number | undefined {
    const row = this.ids.decode(id, IdKind.Task);
    return row !== undefined && this.tasks.isLive(row) ? row : undefined;
  }

  findResult(id: string): number | undefined {
    const row = this.ids.decode(id, IdKind.Result);
    return row !== undefined && this.results.isLive(row) ? row : undefined;
  }

  /**
   * A result's name. Row values ≥ 0 index the interned table; negative values encode a generated
   * name `<prefix>-<ordinal>` (prefix index and ordinal packed), so millions of seeded results
   * do not each hold a string.
   */
  resultName(row: number): string {
    const v = this.results.name[row]!;
    if (v >= 0) return this.names.get(v);
    const packed = -1 - v;
    return `${this.namePrefixes[packed >>> 24]}-${packed & 0xffffff}`;
  }

  static generatedName(prefix: number, ordinal: number): number {
    return -1 - (prefix * 0x1000000 + (ordinal & 0xffffff));
  }

  // ---- sessions -------------------------------------------------------------------------

  addSession(
    init: Pick<SessionRecord, 'status' | 'partitionIds' | 'options' | 'createdAt'>,
  ): SessionRecord {
    const index = this.sessions.nextIndex();
    const record = blankSession(index, this.ids.encode(IdKind.Session, index), init);
    this.sessions.add(record);
    return record;
  }

  /** Physically removes a session with its tasks and results (DeleteSession). */
  removeSession(session: SessionRecord): void {
    const { tasks, results, sessions } = this;
    for (const row of sessions.taskRows.rowsOf(session.index)) {
      const status = tasks.statusAt(row);
      if (status === REMOVED) continue;
      this.taskCounts[status]!--;
      this.options.reference(tasks.options[row]!, -1);
      tasks.status[row] = REMOVED;
      this.submitted.delete(row);
    }
    for (const row of sessions.resultRows.rowsOf(session.index)) {
      results.status[row] = 0;
      this.uploadedData.delete(row);
    }
    this.sessions.remove(session.index);
  }

  // ---- tasks ----------------------------------------------------------------------------

  /**
   * Appends a task row to a session with its counters and references. Attribute columns are
   * then written by the caller; `announceTask` publishes it once complete.
   */
  allocateTask(session: SessionRecord, options: number, status: TaskStatus): number {
    const row = this.tasks.allocate();
    this.tasks.session[row] = session.index;
    this.tasks.options[row] = options;
    this.tasks.status[row] = status;
    this.sessions.taskRows.push(session.index, row);
    this.sessions.addTaskCount(session.index, status, +1);
    this.taskCounts[status]!++;
    this.options.reference(options, +1);
    return row;
  }

  announceTask(row: number): void {
    const session = this.tasks.session[row]!;
    if (this.bus.wants(session)) this.bus.emit({ type: 'newTask', session, task: row });
  }

  setTaskStatus(row: number, status: TaskStatus): void {
    const { tasks } = this;
    const previous = tasks.statusAt(row);
    if (previous === status || previous === REMOVED) return;
    const sessionIndex = tasks.session[row]!;
    if (this.sessions.get(sessionIndex)) {
      this.sessions.addTaskCount(sessionIndex, previous, -1);
      this.sessions.addTaskCount(sessionIndex, status, +1);
    }
    this.taskCounts[previous]!--;
    this.taskCounts[status]!++;
    tasks.status[row] = status;
    if (this.bus.wants(sessionIndex)) {
      this.bus.emit({ type: 'taskStatus', session: sessionIndex, task: row, status, previous });
    }
  }

  // ---- results --------------------------------------------------------------------------

  /** `name` is a client-given string or a value from Cluster.generatedName. */
  allocateResult(
    session: SessionRecord,
    status: ResultStatus,
    name: string | number,
    createdAt: number,
  ): number {
    const row = this.results.allocate();
    this.results.session[row] = session.index;
    this.results.status[row] = status;
    this.results.name[row] = typeof name === 'string' ? this.names.intern(name) : name;
    this.results.createdAt.set(row, createdAt);
    this.sessions.resultRows.push(session.index, row);
    return row;
  }

  announceResult(row: number): void {
    const session = this.results.session[row]!;
    if (this.bus.wants(session)) this.bus.emit({ type: 'newResult', session, result: row });
  }

  setResultStatus(row: number, status: ResultStatus): void {
    const previous = this.results.statusAt(row);
    if (previous === status || previous === ResultStatus.UNSPECIFIED) return;
    this.results.status[row] = status;
    if (status === ResultStatus.DELETED) this.uploadedData.delete(row);
    const session = this.results.session[row]!;
    if (this.bus.wants(session))
      this.bus.emit({ type: 'resultStatus', session, result: row, status });
  }

  setResultOwner(row: number, owner: number): void {
    const previousOwner = this.results.owner[row]!;
    if (previousOwner === owner) return;
    this.results.owner[row] = owner;
    const session = this.results.session[row]!;
    if (this.bus.wants(session)) {
      this.bus.emit({
        type: 'resultOwner',
        session,
        result: row,
        previousOwner,
        currentOwner: owner,
      });
    }
  }

  // ---- timers ---------------------------------------------------------------------------

  /** Runs fn after ms unless the cluster is disposed first; never keeps the process alive. */
  later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
