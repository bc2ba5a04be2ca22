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

/** Methods that only read: a user with no other permission is read-only. */
const READ_METHOD = /:(Get|List|Count|Check|Watch|Download)/;

/**
 * Who is using the console and what the cluster lets them do. Permissions are ArmoniK's
 * `<Service>:<Method>` strings; actions the user lacks are shown disabled with the reason.
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

  /** The user may change nothing (every permission only reads): the shell says so. */
  readonly readOnly = computed(() => {
    const user = this.user();
    return !!user && ![...user.permissions].some((p) => !READ_METHOD.test(p));
  });

  /** The permissions GetCurrentUser listed, sorted, for the shell's access badge. */
  readonly permissionList = computed(() => [...(this.user()?.permissions ?? [])].sort().join(', '));

  /** Unknown until GetCurrentUser answers: nothing is offered before then. */
  can(permission: string): boolean {
    return this.user()?.permissions.has(permission) ?? false;
  }
}
