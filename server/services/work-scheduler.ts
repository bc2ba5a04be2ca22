import type { Pacer } from '../filtering/pacer';

/**
 * One event loop serves every client, so a scan over 5 million rows must not hold it for
 * seconds. List and count queries run as jobs under this scheduler: a job works for at most
 * `sliceMs` per turn of the event loop, then yields (its `Pacer.pause()`), and the jobs waiting
 * for a turn take it in order — fresh jobs and resumed ones alternately, so short queries are
 * not stuck behind long ones and long ones still progress; a job that finishes ends the turn.
 * Cheap RPCs (Get*) never wait here: they run in the I/O phase, before any slice of the turn, so
 * their wait is bounded by one slice (and one answer's encoding).
 *
 * Work cut into slices instead of a worker thread: the stores are typed arrays plus session
 * objects that a worker could not share without copying, and the measured slices keep a
 * canary call within the 50 ms target (bench: "canary latency beside a heavy request").
 *
 * A job whose call is cancelled or whose deadline passes stops at its next pause (the abort
 * reason is thrown), and one still waiting for its turn leaves the queue at once.
 */
export interface WorkScheduler {
  run<T>(signal: AbortSignal | undefined, work: (pacer: Pacer) => T | Promise<T>): Promise<T>;
  /** Jobs started and not finished (running or waiting). */
  readonly active: number;
}

interface Waiter {
  readonly grant: () => void;
}

/**
 * 2 ms per turn: under the 64-client load mix a cheap call waits about one turn, and a turn is
 * its slice plus the I/O of the requests that arrived meanwhile, so the turn (and GetSession's
 * median) shrinks with the slice while throughput does not move: the same work is done, in more,
 * shorter turns (measured in server/README.md, "Slice length").
 */
export const DEFAULT_SLICE_MS = 2;

export function createWorkScheduler(sliceMs = DEFAULT_SLICE_MS): WorkScheduler {
  const fresh: Waiter[] = [];
  const resumed: Waiter[] = [];
  let preferFresh = true;
  let busy = false;
  /** Work done in the current turn of the event loop, ms. */
  let spent = 0;
  let turnScheduled = false;
  let active = 0;

  const nextWaiter = (): Waiter | undefined => {
    const first = preferFresh ? fresh : resumed;
    const second = preferFresh ? resumed : fresh;
    preferFresh = !preferFresh;
    return first.shift() ?? second.shift();
  };
  const scheduleTurn = () => {
    if (turnScheduled) return;
    turnScheduled = true;
    setImmediate(() => {
      turnScheduled = false;
      spent = 0;
      dispatch(true);
    });
  };
  /** Hands the turn to the next waiter; a new turn always starts one, however small the slice. */
  const dispatch = (newTurn = false) => {
    if (busy) return;
    if (!newTurn && spent >= sliceMs) {
      if (fresh.length + resumed.length > 0) scheduleTurn();
      return;
    }
    const waiter = nextWaiter();
    if (!waiter) return;
    busy = true;
    waiter.grant();
  };
  /**
   * Waits for the right to work; `queue` says where a waiting job lines up. Even with nobody
   * waiting, a job starts at the next turn (setImmediate, after the I/O phase), never inside the
   * I/O callback that asked: every request already read in that phase — a GetSession among
   * them — is answered before any slice runs, and a turn holds at most one slice of list work.
   * (Starting at once used to let a slice run in the I/O phase and another in the same turn.)
   */
  const acquire = (queue: Waiter[], signal: AbortSignal | undefined): Promise<number> => {
    signal?.throwIfAborted();
    return new Promise<number>((resolve, reject) => {
      const onAbort = () => {
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
        // The abort reason (an AbortError unless the caller gave one), always as an Error.
        const reason: unknown = signal?.reason;
        reject(reason instanceof Error ? reason : new Error(String(reason)));
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(performance.now());
        },
      };
      queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      scheduleTurn();
    });
  };
  /**
   * A job that finishes ends the turn. Its answer is encoded and written after it (protobuf and
   * Connect's pipeline: about as long again as a short query), and no slice times that work, so
   * letting the next job start in the same turn made turns several slices long. The next job
   * waits for the next turn, and the requests read meanwhile (a GetSession among them) go first.
   */
  const release = (sliceStart: number, finished: boolean) => {
    spent += performance.now() - sliceStart;
    if (finished) spent = Math.max(spent, sliceMs);
    busy = false;
    dispatch();
  };

  return {
    get active() {
      return active;
    },
    async run(signal, work) {
      active++;
      try {
        let sliceStart = await acquire(fresh, signal);
        let holding = true;
        const pacer: Pacer = {
          due: () => signal?.aborted === true || spent + performance.now() - sliceStart >= sliceMs,
          async pause() {
            holding = false;
            release(sliceStart, false);
            signal?.throwIfAborted();
            sliceStart = await acquire(resumed, signal);
            holding = true;
          },
        };
        try {
          return await work(pacer);
        } finally {
          if (holding) release(sliceStart, true);
        }
      } finally {
        active--;
      }
    },
  };
}
