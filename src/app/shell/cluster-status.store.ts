import { Injectable, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of, shareReplay, switchMap, timer, expand, type Observable } from 'rxjs';

import { type ApiError } from '../api/api-error';
import { HEALTH_CLIENT } from '../api/clients/health.client';
import { VERSIONS_CLIENT } from '../api/clients/versions.client';
import { HealthStatusEnum } from '../../../proto/gen/armonik/api/grpc/v1/health_checks_common_pb';
import { fromCall } from '../api/rx';

export type HealthLevel = 'healthy' | 'degraded' | 'unhealthy' | 'unreachable';

export interface HealthReport {
  readonly level: HealthLevel;
  readonly services: readonly { name: string; message: string; healthy: HealthStatusEnum }[];
  readonly error?: ApiError;
}

/** While the cluster answers, health is re-read every 15 s; while it does not, every 5 s. */
export const HEALTH_POLL_MS = 15_000;
export const HEALTH_RETRY_MS = 5_000;

@Injectable({ providedIn: 'root' })
export class ClusterStatusStore {
  private readonly versionsClient = inject(VERSIONS_CLIENT);
  private readonly healthClient = inject(HEALTH_CLIENT);

  private readonly checkOnce$: Observable<HealthReport> = fromCall((signal) =>
    this.healthClient.checkHealth({}, { signal }),
  ).pipe(
    map((response): HealthReport => ({
      level: worstLevel(response.services.map((s) => s.healthy)),
      services: response.services,
    })),
    catchError((error: ApiError) =>
      of<HealthReport>({ level: 'unreachable', services: [], error }),
    ),
  );

  readonly health$ = this.checkOnce$.pipe(
    expand((report) =>
      timer(report.level === 'unreachable' ? HEALTH_RETRY_MS : HEALTH_POLL_MS).pipe(
        switchMap(() => this.checkOnce$),
      ),
    ),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  readonly health = toSignal(this.health$);

  readonly versions = toSignal(
    fromCall((signal) => this.versionsClient.listVersions({}, { signal })).pipe(
      map((v) => ({ core: v.core, api: v.api })),
      catchError(() => of(undefined)),
    ),
  );

  readonly reachable = computed(() => this.health()?.level !== 'unreachable');
}

export function worstLevel(statuses: readonly HealthStatusEnum[]): HealthLevel {
  if (statuses.some((s) => s === HealthStatusEnum.UNHEALTHY)) return 'unhealthy';
  if (statuses.some((s) => s === HealthStatusEnum.DEGRADED || s === HealthStatusEnum.UNSPECIFIED))
    return 'degraded';
  return 'healthy';
}
