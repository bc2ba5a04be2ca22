import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** Temporary page body for a route whose feature is not built yet. */
@Component({
  selector: 'app-placeholder-page',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1 class="page-title">{{ titleKey() | translate }}</h1>
    <p>{{ 'common.comingSoon' | translate }}</p>`,
})
export class PlaceholderPage {
  readonly titleKey = input.required<string>();
}
