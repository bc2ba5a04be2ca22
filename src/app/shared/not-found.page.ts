import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * Shown for an unknown route, and by inspection pages for an id the cluster does not know.
 * The id is interpolated as text by the translate pipe's parameters, never as HTML.
 */
@Component({
  selector: 'app-not-found-page',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="not-found" role="alert">
      <mat-icon aria-hidden="true">search_off</mat-icon>
      <h1>{{ 'notFound.title' | translate }}</h1>
      @if (what()) {
        <p>{{ 'notFound.resource' | translate: { what: (what() | translate), id: id() } }}</p>
      } @else {
        <p>{{ 'notFound.page' | translate }}</p>
      }
      <a mat-flat-button [routerLink]="link()">{{ label() | translate }}</a>
    </section>
  `,
  styles: `
    .not-found {
      display: grid;
      justify-items: center;
      gap: 12px;
      padding: 64px 16px;
      text-align: center;
    }
    .not-found mat-icon {
      font-size: 48px;
      width: 48px;
      height: 48px;
    }
  `,
})
export class NotFoundPage {
  /** i18n key naming the kind of thing that was not found ("session"…); empty for a bad URL. */
  readonly what = input('');
  readonly id = input('');
  // As a routed page, the router's input binding sets inputs it has no value for to undefined,
  // so the defaults are applied here rather than as input defaults.
  readonly backLink = input<string | undefined>();
  readonly backLabel = input<string | undefined>();
  protected readonly link = computed(() => this.backLink() || '/sessions');
  protected readonly label = computed(() => this.backLabel() || 'notFound.backToSessions');
}
