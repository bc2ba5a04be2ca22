import { Injectable, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of, shareReplay } from 'rxjs';

import { type ApiError } from './api-error';
import { AUTH_CLIENT } from './clients/auth.client';
import { fromCall } from './rx';

export interface CurrentUser {
  readonly username: string;
  readonly roles: readonly string[];
  readonly permissions: ReadonlySet<string>;
}

/**
 * Who is using the console and what the cluster lets them do. Permissions are ArmoniK's
 * `<Service>:<Method>` strings; actions the user lacks are simply not offered.
 */
@Injectable({ providedIn: 'root' })
export class CurrentUserStore {
  private readonly client = inject(AUTH_CLIENT);

  readonly user$ = fromCall((signal) => this.client.getCurrentUser({}, { signal })).pipe(
    map(({ user }) => ({
      ok: true as const,
      user: {
        username: user?.username ?? '',
        roles: user?.roles ?? [],
        permissions: new Set(user?.permissions ?? []),
      } satisfies CurrentUser,
    })),
    catchError((error: ApiError) => of({ ok: false as const, error })),
    shareReplay(1),
  );

  private readonly state = toSignal(this.user$);
  readonly user = computed(() => {
    const state = this.state();
    return state?.ok ? state.user : undefined;
  });
  readonly error = computed(() => {
    const state = this.state();
    return state && !state.ok ? state.error : undefined;
  });

  /** Unknown until GetCurrentUser answers: nothing is offered before then. */
  can(permission: string): boolean {
    return this.user()?.permissions.has(permission) ?? false;
  }
}
