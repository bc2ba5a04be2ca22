import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import type { Cluster } from '../store/cluster';

/**
 * The simulator's view of the work in flight, built once by a scan and then kept current from
 * the cluster's change events — including changes made by RPCs (pause, resume, cancel), so the
 * simulator never moves a task it should not.
 *
 * Submitted tasks are queued per session (oldest first) so that work is handed out round-robin
 * across sessions: every open session shows progress, not only the oldest one's backlog.
 */
export class TaskQueues {
  readonly submitted = new Map<number, Set<number>>();
  readonly dispatched = new Set<number>();
  readonly processing = new Set<number>();
  /** Result row → pending tasks that need it. */
  readonly waitingOn = new Map<number, Set<number>>();
  private cursor = 0;
  private readonly unsubscribe: () => void;

  constructor(private readonly cluster: Cluster) {
    const { tasks } = cluster;
    for (let row = 0; row < tasks.count; row++) this.add(row, tasks.statusAt(row));
    this.unsubscribe = cluster.bus.subscribeAll((event) => {
      if (event.type === 'taskStatus') {
        this.remove(event.task, event.previous);
        this.add(event.task, event.status);
      } else if (event.type === 'newTask') {
        this.add(event.task, tasks.statusAt(event.task));
      }
    });
  }

  /**
   * Up to `limit` submitted tasks, one per session per round, continuing where the previous
   * call stopped. `accept` says whether a session's work may run now ('never' drops its queue).
   */
  nextSubmitted(limit: number, accept: (session: number) => boolean | 'never'): number[] {
    const picked: number[] = [];
    const sessions = [...this.submitted.keys()];
    const taken = new Map<number, Iterator<number>>();
    let progress = true;
    while (picked.length < limit && progress && sessions.length > 0) {
      progress = false;
      for (let i = 0; i < sessions.length && picked.length < limit; i++) {
        const session = sessions[(this.cursor + i) % sessions.length]!;
        const verdict = accept(session);
        if (verdict === 'never') this.submitted.delete(session);
        if (verdict !== true) continue;
        let rows = taken.get(session);
        if (!rows)
          taken.set(session, (rows = (this.submitted.get(session) ?? new Set<number>()).values()));
        const next = rows.next();
        if (next.done) continue;
        picked.push(next.value);
        progress = true;
      }
    }
    this.cursor = sessions.length > 0 ? (this.cursor + picked.length) % sessions.length : 0;
    return picked;
  }

  stop(): void {
    this.unsubscribe();
  }

  private add(row: number, status: TaskStatus): void {
    switch (status) {
      case TaskStatus.SUBMITTED: {
        const session = this.cluster.tasks.session[row]!;
        let set = this.submitted.get(session);
        if (!set) this.submitted.set(session, (set = new Set()));
        set.add(row);
        break;
      }
      case TaskStatus.DISPATCHED:
        this.dispatched.add(row);
        break;
      case TaskStatus.PROCESSING:
        this.processing.add(row);
        break;
      case TaskStatus.PENDING:
        for (const result of this.cluster.taskDependencies(row)) {
          let set = this.waitingOn.get(result);
          if (!set) this.waitingOn.set(result, (set = new Set()));
          set.add(row);
        }
        break;
    }
  }

  private remove(row: number, status: TaskStatus): void {
    if (status === TaskStatus.SUBMITTED) {
      const session = this.cluster.tasks.session[row]!;
      const set = this.submitted.get(session);
      set?.delete(row);
      if (set?.size === 0) this.submitted.delete(session);
    } else if (status === TaskStatus.DISPATCHED) {
      this.dispatched.delete(row);
    } else if (status === TaskStatus.PROCESSING) {
      this.processing.delete(row);
    }
  }
}
