import type { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import type { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';

/** A change in the cluster, in store terms (rows, not ids); Events.GetEvents turns it into messages. */
export type ClusterEvent =
  | { readonly type: 'newTask'; readonly session: number; readonly task: number }
  | {
      readonly type: 'taskStatus';
      readonly session: number;
      readonly task: number;
      readonly status: TaskStatus;
      readonly previous: TaskStatus;
    }
  | { readonly type: 'newResult'; readonly session: number; readonly result: number }
  | {
      readonly type: 'resultStatus';
      readonly session: number;
      readonly result: number;
      readonly status: ResultStatus;
    }
  | {
      readonly type: 'resultOwner';
      readonly session: number;
      readonly result: number;
      readonly previousOwner: number;
      readonly currentOwner: number;
    };

export type ClusterListener = (event: ClusterEvent) => void;

/**
 * Synchronous fan-out of cluster changes: per-session listeners (event streams) and global ones
 * (the simulator's queues). `wants()` lets hot paths skip building an event nobody listens to.
 */
export class EventBus {
  private readonly bySession = new Map<number, Set<ClusterListener>>();
  private readonly global = new Set<ClusterListener>();

  subscribe(session: number, listener: ClusterListener): () => void {
    let set = this.bySession.get(session);
    if (!set) this.bySession.set(session, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.bySession.get(session) === set) this.bySession.delete(session);
    };
  }

  subscribeAll(listener: ClusterListener): () => void {
    this.global.add(listener);
    return () => this.global.delete(listener);
  }

  wants(session: number): boolean {
    return this.global.size > 0 || this.bySession.has(session);
  }

  listenerCount(session: number): number {
    return this.bySession.get(session)?.size ?? 0;
  }

  emit(event: ClusterEvent): void {
    for (const listener of this.global) listener(event);
    const set = this.bySession.get(event.session);
    if (set) for (const listener of [...set]) listener(event);
  }
}
