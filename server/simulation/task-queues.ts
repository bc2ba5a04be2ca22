import { TaskStatus } from '../../src/app/api/gen/armonik/api/grpc/v1/task_status_pb';
import type { Cluster } from '../store/cluster';

const TRACKED = [TaskStatus.SUBMITTED, TaskStatus.DISPATCHED, TaskStatus.PROCESSING, TaskStatus.PENDING] as const;
type Tracked = (typeof TRACKED)[number];

/**
 * The simulator's view of the work in flight: task rows by status (insertion-ordered sets, so
 * the oldest work moves first) and pending tasks by the result they wait for. Built once by a
 * scan, then kept current from the cluster's change events — including changes made by RPCs
 * (pause, resume, cancel), so the simulator never moves a task it should not.
 */
export class TaskQueues {
  readonly byStatus = new Map<Tracked, Set<number>>(TRACKED.map((s) => [s, new Set<number>()]));
  /** Result row → pending tasks that need it. */
  readonly waitingOn = new Map<number, Set<number>>();
  private readonly unsubscribe: () => void;

  constructor(private readonly cluster: Cluster) {
    const { tasks } = cluster;
    for (let row = 0; row < tasks.count; row++) this.add(row, tasks.status[row]!);
    this.unsubscribe = cluster.bus.subscribeAll((event) => {
      if (event.type === 'taskStatus') {
        this.byStatus.get(event.previous as Tracked)?.delete(event.task);
        this.add(event.task, event.status);
      } else if (event.type === 'newTask') {
        this.add(event.task, tasks.status[event.task]!);
      }
    });
  }

  of(status: Tracked): Set<number> {
    return this.byStatus.get(status)!;
  }

  stop(): void {
    this.unsubscribe();
  }

  private add(row: number, status: number): void {
    this.byStatus.get(status as Tracked)?.add(row);
    if (status === TaskStatus.PENDING) {
      for (const result of this.cluster.taskDependencies(row)) {
        let set = this.waitingOn.get(result);
        if (!set) this.waitingOn.set(result, (set = new Set()));
        set.add(row);
      }
    }
  }
}
