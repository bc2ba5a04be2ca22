import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '@ngx-translate/core';

import { Breadcrumbs, type Crumb } from './breadcrumbs';
import type { EntityState } from '../../shared/entity-loader';
import { NotFoundPage } from '../../shared/not-found.page';

/**
 * The frame of an inspection page: breadcrumbs, the title with the id, a refresh button and the
 * page's actions (`[frameActions]`), and the states every page has — loading, no such id (the
 * not-found page), failed (with retry), and a failed refresh shown above the last value read.
 * The page's content is projected once the entity is loaded.
 */
@Component({
  selector: 'app-inspection-frame',
  imports: [
    Breadcrumbs,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatTooltipModule,
    NotFoundPage,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (state().kind) {
      @case ('notFound') {
        <app-not-found-page
          [what]="what()"
          [id]="id()"
          [backLink]="backLink()"
          [backLabel]="backLabel()"
        />
      }
      @default {
        <app-breadcrumbs [crumbs]="trail()" />
        <header class="head">
          <h1 class="page-title">
            {{ title() | translate }}
            <span class="mono id">{{ id() }}</span>
          </h1>
          <div class="actions">
            <ng-content select="[frameActions]" />
            <button
              mat-icon-button
              type="button"
              [disabled]="refreshing()"
              [attr.aria-label]="'breadcrumbs.refresh' | translate"
              [matTooltip]="'breadcrumbs.refresh' | translate"
              (click)="refresh.emit()"
            >
              <mat-icon aria-hidden="true">refresh</mat-icon>
            </button>
          </div>
        </header>
        @if (state(); as current) {
          @if (current.kind === 'loading') {
            <div class="loading" role="status">
              <mat-progress-spinner mode="indeterminate" diameter="32" aria-hidden="true" />
              <span>{{ 'breadcrumbs.loading' | translate }}</span>
            </div>
          } @else if (current.kind === 'failed') {
            <div class="error" role="alert">
              <mat-icon aria-hidden="true">error</mat-icon>
              <span
                >{{ 'errors.codes.' + current.error.codeName | translate }}:
                {{ current.error.reason }}</span
              >
              <button mat-button type="button" (click)="refresh.emit()">
                {{ 'common.retry' | translate }}
              </button>
            </div>
          } @else if (current.kind === 'loaded') {
            @if (current.refreshError; as error) {
              <div class="error stale" role="alert">
                <mat-icon aria-hidden="true">sync_problem</mat-icon>
                <span>{{ 'breadcrumbs.stale' | translate: { reason: error.reason } }}</span>
              </div>
            }
            <ng-content />
          }
        }
      }
    }
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
    }
    .page-title {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
    }
    .id {
      font-size: 1rem;
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .loading,
    .error {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 12px 0;
    }
    .error {
      color: var(--mat-sys-error);
      overflow-wrap: anywhere;
    }
  `,
})
export class InspectionFrame {
  readonly state = input.required<EntityState<unknown>>();
  /** i18n key of the title ("Task"); the id follows it. */
  readonly title = input.required<string>();
  readonly id = input.required<string>();
  /** Breadcrumbs up to the parent; the page itself (its id) is added last. */
  readonly crumbs = input<readonly Crumb[]>([]);
  readonly refreshing = input(false);
  /** For the not-found page: what kind of thing (i18n key), and where to go back to. */
  readonly what = input.required<string>();
  readonly backLink = input.required<string>();
  readonly backLabel = input.required<string>();
  readonly refresh = output<void>();

  protected readonly trail = computed(() => [...this.crumbs(), { text: this.id() }]);
}
