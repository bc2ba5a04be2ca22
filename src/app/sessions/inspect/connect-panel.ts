import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import { RUNTIME_CONFIG } from '../../api/runtime-config';
import { GridI18n } from '../../grid/ui/grid-i18n';
import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { CopyToClipboard } from '../../shared/clipboard';
import { SNIPPET_LANGUAGES, type SnippetLanguage, connectInfo, snippet } from './connect-snippets';
import { KeyValueTable } from './key-value-table';

/** Everything a client needs to submit into this session, with a copyable snippet. */
@Component({
  selector: 'app-connect-panel',
  imports: [MatButtonModule, MatButtonToggleModule, MatIconModule, TranslatePipe, KeyValueTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let i = info();
    <dl class="facts">
      <dt>{{ 'inspect.connect.endpoint' | translate }}</dt>
      @if (i.endpoint) {
        <dd class="mono">{{ i.endpoint }}</dd>
      } @else {
        <dd class="warning">{{ 'inspect.connect.endpointUnknown' | translate }}</dd>
      }
      <dt>{{ 'inspect.fields.sessionId' | translate }}</dt>
      <dd class="mono">{{ i.sessionId }}</dd>
      <dt>{{ 'inspect.fields.partitionIds' | translate }}</dt>
      <dd class="mono">{{ i.partitionIds.join(', ') || ('inspect.none' | translate) }}</dd>
    </dl>
    <p class="hint">{{ 'inspect.connect.defaultsHint' | translate }}</p>
    <app-key-value-table [entries]="i.defaults" caption="inspect.connect.defaults" />
    @if (!session().clientSubmission) {
      <p class="warning" role="note">{{ 'inspect.connect.closed' | translate }}</p>
    }
    <div class="snippet-bar">
      <mat-button-toggle-group
        hideSingleSelectionIndicator
        [attr.aria-label]="'inspect.connect.language' | translate"
        [value]="language()"
        (change)="language.set($event.value)"
      >
        @for (lang of languages; track lang) {
          <mat-button-toggle [value]="lang">{{
            'inspect.connect.languages.' + lang | translate
          }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
      <button mat-stroked-button (click)="copy()">
        <mat-icon aria-hidden="true">content_copy</mat-icon>
        {{ 'inspect.connect.copy' | translate }}
      </button>
    </div>
    <pre
      class="snippet"
      tabindex="0"
      [attr.aria-label]="'inspect.connect.snippetLabel' | translate"
    ><code>{{ text() }}</code></pre>
    <p class="hint">{{ 'inspect.connect.nativeHint' | translate }}</p>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0 0 8px;
    }
    dt {
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .warning {
      color: var(--app-warning);
    }
    .snippet-bar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      justify-content: space-between;
      margin-top: 12px;
    }
    .snippet {
      margin: 8px 0 0;
      padding: 12px;
      overflow: auto;
      max-height: 320px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-highest);
      font:
        12px/1.5 ui-monospace,
        'SFMono-Regular',
        Menlo,
        Consolas,
        monospace;
    }
  `,
})
export class ConnectPanel {
  readonly session = input.required<SessionRaw>();
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly clipboard = inject(CopyToClipboard);
  private readonly i18n = inject(GridI18n);

  protected readonly languages = SNIPPET_LANGUAGES;
  protected readonly language = signal<SnippetLanguage>('python');
  /**
   * The native gRPC address from config.json, never the page's origin: that one may only carry
   * gRPC-web (the dev server, an ingress path).
   */
  protected readonly info = computed(() => connectInfo(this.session(), this.config.grpcEndpoint));
  protected readonly text = computed(() =>
    snippet(this.language(), this.info(), {
      inherit: this.i18n.t('inspect.connect.comments.inherit'),
      createResults: this.i18n.t('inspect.connect.comments.createResults'),
      submit: this.i18n.t('inspect.connect.comments.submit'),
      unknownEndpoint: this.i18n.t('inspect.connect.comments.unknownEndpoint'),
    }),
  );

  protected copy(): void {
    this.clipboard.copy(this.text(), 'inspect.connect.copied');
  }
}
