import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Subject } from 'rxjs';

import { type ApiError, toApiError } from '../../api/api-error';
import { fromCall } from '../../api/rx';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import type { SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { toMillis } from '../../grid/model/duration';
import type { FilterGroup } from '../../grid/model/filter-types';
import { equals } from '../../grid/grid-link';
import {
  type SessionAction,
  type SessionChange,
  SessionActions,
  SessionChanges,
} from '../../sessions';
import { type Attention, attentionOf } from '../model/attention';
import { lineConditions } from '../model/lines';
import type { OverviewLine } from '../model/overview-preferences';
import { SESSIONS_PER_REFRESH, pageAfter, pageToRead } from '../model/scan';
import {
  FINISHED,
  type StatusCounts,
  sampleOf,
  sumOf,
  CLUSTER_SCOPE,
  ProgressHistory,
  lineScope,
  refreshLoop,
} from '../../progress';
import { OverviewPreferencesStore } from './overview-preferences.store';
import { overviewReader } from './overview-reader';
import { limited } from './pool';

/** A part of the page: its last value, and the error of the last read if it failed. */
export interface Part<T> {
  readonly value?: T;
  readonly error?: ApiError;
}

/** Session statuses counted for "sessions by status" (Deleted sessions are gone from lists). */
export const COUNTED_SESSION_STATUSES = [
  'running',
  'paused',
  'closed',
  'cancelled',
  'purged',
] as const;
/** Partitions shown at a glance, at most. */
export const MAX_PARTITIONS = 20;

export interface PartitionCounts {
  readonly id: string;
  readonly scope: FilterGroup;
  readonly counts?: StatusCounts;
  readonly error?: ApiError;
}

export interface AttentionEntry {
  readonly session: SessionRaw;
  readonly reasons: readonly Attention[];
  readonly counts: StatusCounts;
  readonly lastEndedAt?: number;
}

/**
 * Everything the overview shows, read again at each refresh of its one loop: cluster and
 * session counts, lines, partitions, and one page of the attention scan. Each part fails on its
 * own (the others stay on screen); every count is also a reading for the progress charts.
 */
@Injectable()
export class OverviewStore {
  /** Every read of a refresh shares one limit of 6 calls in flight. */
  private readonly read = limited(overviewReader());
  private readonly preferences = inject(OverviewPreferencesStore);
  private readonly history = inject(ProgressHistory);
  private readonly actions = inject(SessionActions);
  private readonly manual$ = new Subject<void>();

  readonly cluster = signal<Part<StatusCounts>>({});
  readonly sessions = signal<Part<ReadonlyMap<string, number>>>({});
  readonly partitions = signal<Part<{ rows: readonly PartitionCounts[]; total: number }>>({});
  readonly lineCounts = signal<ReadonlyMap<string, Part<StatusCounts>>>(new Map());
  readonly attention = signal<ReadonlyMap<string, AttentionEntry>>(new Map());
  /** How far the scan is: candidates, and how many of them have been checked in this cycle. */
  readonly scan = signal<{
    readonly active: number;
    readonly checked: number;
    readonly error?: ApiError;
  }>({
    active: 0,
    checked: 0,
  });
  readonly loading = signal(false);
  readonly updatedAt = signal<number | undefined>(undefined);

  private nextPage = 0;
  private seenThisCycle = new Set<string>();

  /** Lines with their conditions (a stored line was validated, so its filter reads). */
  readonly lines = computed(() =>
    this.preferences.lines().map((line) => ({ line, conditions: lineConditions(line.filter) })),
  );

  constructor() {
    refreshLoop(() => fromCall((signal) => this.load(signal)), this.manual$)
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe();
    inject(SessionChanges)
      .changes$.pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((change) => this.apply(change));
  }

  refresh(): void {
    this.manual$.next();
  }

  /**
   * A one-click action from the list: the rule table, confirmations and executor of every page.
   * The list follows the server's answer through SessionChanges (as it does for Undo, or an
   * action taken on another page).
   */
  act(action: SessionAction, entry: AttentionEntry): void {
    this.actions.request(action, entry.session).subscribe();
  }

  /** What the server said a session now is: its reasons again, from its known counts. */
  private apply(change: SessionChange): void {
    this.attention.update((current) => {
      const id = change.kind === 'updated' ? change.session.sessionId : change.sessionId;
      const entry = current.get(id);
      if (!entry) return current;
      const next = new Map(current);
      const session = change.kind === 'updated' ? change.session : undefined;
      const reasons =
        session && isActiveStatus(session.status)
          ? attentionOf(
              factsOf(session, entry.counts, entry.lastEndedAt),
              Date.now(),
              this.preferences.thresholds(),
            )
          : [];
      if (session && reasons.length > 0) next.set(id, { ...entry, session, reasons });
      else next.delete(id);
      return next;
    });
  }

  private async load(signal: AbortSignal): Promise<void> {
    this.loading.set(true);
    const at = Date.now();
    try {
      await all([
        () => this.loadCluster(at, signal),
        () => this.loadSessions(signal),
        ...this.lines().map(
          ({ line, conditions }) =>
            () =>
              this.loadLine(line, conditions, at, signal),
        ),
        () => this.loadPartitions(signal),
        () => this.loadAttention(signal),
      ]);
      this.updatedAt.set(Date.now());
    } finally {
      this.loading.set(false);
    }
  }

  private async loadCluster(at: number, signal: AbortSignal): Promise<void> {
    try {
      const counts = await this.read.tasksByStatus([], signal);
      this.cluster.set({ value: counts });
      this.history.record(CLUSTER_SCOPE, sampleOf(counts, at));
    } catch (error) {
      this.cluster.update((part) => ({ value: part.value, error: toApiError(error) }));
    }
  }

  private async loadSessions(signal: AbortSignal): Promise<void> {
    try {
      const totals = new Map<string, number>();
      await all(
        COUNTED_SESSION_STATUSES.map((key) => async () => {
          totals.set(
            key,
            await this.read.countSessions([{ field: 'status', op: 'eq', values: [key] }], signal),
          );
        }),
      );
      this.sessions.set({ value: totals });
    } catch (error) {
      this.sessions.update((part) => ({ value: part.value, error: toApiError(error) }));
    }
  }

  private async loadLine(
    line: OverviewLine,
    conditions: FilterGroup,
    at: number,
    signal: AbortSignal,
  ) {
    const set = (part: Part<StatusCounts>) =>
      this.lineCounts.update((current) => new Map(current).set(line.id, part));
    try {
      const counts = await this.read.tasksByStatus(conditions, signal);
      set({ value: counts });
      this.history.record(lineScope(line.id), sampleOf(counts, at));
    } catch (error) {
      set({ value: this.lineCounts().get(line.id)?.value, error: toApiError(error) });
    }
  }

  private async loadPartitions(signal: AbortSignal): Promise<void> {
    try {
      const { ids, total } = await this.read.partitionIds(MAX_PARTITIONS, signal);
      const rows: PartitionCounts[] = [];
      await all(
        ids.map((id) => async () => {
          const scope = equals('partitionId', id);
          try {
            rows.push({ id, scope, counts: await this.read.tasksByStatus(scope, signal) });
          } catch (error) {
            rows.push({ id, scope, error: toApiError(error) });
          }
        }),
      );
      rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
      this.partitions.set({ value: { rows, total } });
    } catch (error) {
      this.partitions.update((part) => ({ value: part.value, error: toApiError(error) }));
    }
  }

  /**
   * One page of active sessions (oldest first), each with its counts and the end of its last
   * finished task (read only when some finished). Round-robin over refreshes; at the end of a
   * cycle, sessions not seen again (no longer active) leave the list.
   */
  private async loadAttention(signal: AbortSignal): Promise<void> {
    try {
      const page = pageToRead(this.nextPage, this.scan().active);
      const { sessions, total } = await this.read.activeSessions(
        page,
        SESSIONS_PER_REFRESH,
        signal,
      );
      if (page === 0) this.seenThisCycle = new Set();
      const now = Date.now();
      const thresholds = this.preferences.thresholds();
      const checked: AttentionEntry[] = [];
      await all(
        sessions.map((session) => async () => {
          const counts = await this.read.tasksByStatus(
            equals('sessionId', session.sessionId),
            signal,
          );
          const lastEndedAt =
            sumOf(counts, FINISHED) > 0
              ? await this.read.lastEndedAt(session.sessionId, signal)
              : undefined;
          const reasons = attentionOf(factsOf(session, counts, lastEndedAt), now, thresholds);
          checked.push({
            session,
            reasons,
            counts,
            ...(lastEndedAt !== undefined ? { lastEndedAt } : {}),
          });
        }),
      );
      for (const { session } of checked) this.seenThisCycle.add(session.sessionId);
      this.nextPage = pageAfter(page, total);
      const cycleOver = this.nextPage === 0;
      this.attention.update((current) => {
        const next = new Map(current);
        for (const entry of checked) {
          if (entry.reasons.length > 0) next.set(entry.session.sessionId, entry);
          else next.delete(entry.session.sessionId);
        }
        if (cycleOver)
          for (const id of [...next.keys()]) if (!this.seenThisCycle.has(id)) next.delete(id);
        return next;
      });
      this.scan.set({ active: total, checked: Math.min(total, this.seenThisCycle.size) });
    } catch (error) {
      this.scan.update((scan) => ({ ...scan, error: toApiError(error) }));
    }
  }
}

function isActiveStatus(status: SessionStatus): boolean {
  return status === SessionStatus.RUNNING || status === SessionStatus.PAUSED;
}

function factsOf(session: SessionRaw, counts: StatusCounts, lastEndedAt: number | undefined) {
  return {
    status: session.status,
    createdAt: toMillis(session.createdAt) ?? Date.now(),
    clientSubmission: session.clientSubmission,
    maxDurationMs: toMillis(session.options?.maxDuration),
    counts,
    ...(lastEndedAt !== undefined ? { lastEndedAt } : {}),
  };
}

/** Runs jobs together (the reader's limiter bounds how many calls are in flight). */
async function all(jobs: readonly (() => Promise<void>)[]): Promise<void> {
  await Promise.all(jobs.map((job) => job()));
}
