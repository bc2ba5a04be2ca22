import { ChangeDetectionStrategy, Component, DOCUMENT, Injector, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { TranslatePipe } from '@ngx-translate/core';

import { SAVED_VIEW_PARAMS, type SavedView, type SettingsError } from '../model/preferences';
import { GridStore } from '../state/grid.store';
import type { TextPromptData, TextPromptDialog } from './dialogs/text-prompt.dialog';
import { openLazilyForChoiceIn, openLazilyIn, snackBarOf } from '../../shared/lazy-overlays';
import { GridI18n } from './grid-i18n';
import type {
  ArmedConfirmData,
  ArmedConfirmDialog,
  ArmedConfirmTexts,
} from '../../shared/armed-confirm.dialog';
import { saveBlob } from '../../shared/save-blob';
import { MAX_SAVED_VIEWS, MAX_SETTINGS_BYTES } from '../model/settings-file';

const textPrompt = () => import('./dialogs/text-prompt.dialog').then((m) => m.TextPromptDialog);
const manageViews = () => import('./dialogs/manage-views.dialog').then((m) => m.ManageViewsDialog);
const armedConfirm = () =>
  import('../../shared/armed-confirm.dialog').then((m) => m.ArmedConfirmDialog);

const IMPORT_TEXTS: ArmedConfirmTexts = {
  title: 'grid.settings.preview.title',
  message: 'grid.settings.preview.message',
  irreversible: 'grid.settings.preview.irreversible',
  confirm: 'grid.settings.preview.confirm',
  dismiss: 'grid.settings.preview.dismiss',
  arming: 'grid.settings.preview.arming',
  more: 'grid.settings.preview.more',
};

/** Saved views (save, open, manage) and the settings file (export, import). */
@Component({
  selector: 'app-views-menu',
  imports: [MatButtonModule, MatDividerModule, MatIconModule, MatMenuModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-stroked-button type="button" [matMenuTriggerFor]="menu">
      <mat-icon aria-hidden="true">bookmarks</mat-icon>
      {{ 'grid.views.button' | translate }}
    </button>
    <mat-menu #menu="matMenu">
      <button mat-menu-item type="button" (click)="save()">
        <mat-icon aria-hidden="true">bookmark_add</mat-icon>
        {{ 'grid.views.save' | translate }}
      </button>
      @if (preferences.views().length > 0) {
        <mat-divider />
        @for (view of preferences.views(); track view.id) {
          <button mat-menu-item type="button" (click)="store.openParams(view.params)">
            <mat-icon aria-hidden="true">bookmark</mat-icon>
            {{ view.name }}
          </button>
        }
        <button mat-menu-item type="button" (click)="manage()">
          <mat-icon aria-hidden="true">edit_note</mat-icon>
          {{ 'grid.views.manage' | translate }}
        </button>
      }
      <mat-divider />
      <button mat-menu-item type="button" (click)="copyLink()">
        <mat-icon aria-hidden="true">link</mat-icon>
        {{ 'grid.views.copyLink' | translate }}
      </button>
      <button mat-menu-item type="button" (click)="exportSettings()">
        <mat-icon aria-hidden="true">download</mat-icon>
        {{ 'grid.settings.export' | translate }}
      </button>
      <button mat-menu-item type="button" (click)="file.click()">
        <mat-icon aria-hidden="true">upload</mat-icon>
        {{ 'grid.settings.import' | translate }}
      </button>
    </mat-menu>
    <input
      #file
      type="file"
      accept="application/json,.json"
      hidden
      [attr.aria-label]="'grid.settings.import' | translate"
      (change)="importSettings($any($event.target))"
    />
  `,
})
export class ViewsMenu {
  protected readonly store = inject(GridStore);
  protected readonly preferences = this.store.preferences;
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(GridI18n);

  protected save(): void {
    // Dialogs load on first open (openLazily…): the grid's first paint does not need them.
    openLazilyForChoiceIn<string, TextPromptDialog, TextPromptData>(this.injector, textPrompt, {
      data: {
        title: 'grid.views.saveTitle',
        label: 'grid.views.name',
        confirm: 'grid.views.saveConfirm',
      },
    }).subscribe((name) => {
      const params = this.store.currentParams();
      const kept: Record<string, string | string[]> = {};
      for (const key of SAVED_VIEW_PARAMS) if (params[key] !== undefined) kept[key] = params[key];
      const view: SavedView = this.preferences.saveView(name, kept);
      this.say(this.i18n.t('grid.views.saved', { name: view.name }));
    });
  }

  protected manage(): Promise<unknown> {
    return openLazilyIn(this.injector, manageViews, { injector: this.injector });
  }

  protected copyLink(): void {
    const url = this.document.location.href;
    void globalThis.navigator?.clipboard?.writeText(url).then(
      () => this.say(this.i18n.t('grid.views.linkCopied')),
      () => this.say(this.i18n.t('grid.views.linkNotCopied')),
    );
  }

  protected exportSettings(): void {
    const blob = new Blob([JSON.stringify(this.preferences.exportSettings(), null, 2)], {
      type: 'application/json',
    });
    saveBlob(blob, `session-console-${this.store.definition.id}-settings.json`, this.document);
  }

  /**
   * Import: the file is read and checked whole, the user sees what it adds, replaces and removes,
   * and only a confirmation applies it (all or nothing, storage included).
   */
  protected async importSettings(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Refused before reading: a huge file is not loaded into memory for nothing.
    const preview =
      file.size > MAX_SETTINGS_BYTES
        ? this.preferences.previewImport('x'.repeat(MAX_SETTINGS_BYTES + 1))
        : this.preferences.previewImport(await file.text());
    if (!preview.ok) {
      this.refuse(preview.error);
      return;
    }
    const plan = preview.value;
    const items = [
      ...plan.added.map((name) => this.i18n.t('grid.settings.preview.adds', { name })),
      ...plan.replaced.map((name) => this.i18n.t('grid.settings.preview.replaces', { name })),
      ...plan.removed.map((name) => this.i18n.t('grid.settings.preview.removes', { name })),
    ];
    openLazilyForChoiceIn<true, ArmedConfirmDialog, ArmedConfirmData>(this.injector, armedConfirm, {
      data: {
        texts: IMPORT_TEXTS,
        params: {
          file: file.name,
          added: plan.added.length,
          replaced: plan.replaced.length,
          removed: plan.removed.length,
          maxViews: MAX_SAVED_VIEWS,
          maxMb: MAX_SETTINGS_BYTES / 1_000_000,
        },
        items,
        danger: plan.replaced.length + plan.removed.length > 0,
      },
      width: '560px',
    }).subscribe(() => {
      const applied = this.preferences.applyImport(plan);
      if (!applied.ok) {
        this.refuse(applied.error);
        return;
      }
      this.say(this.i18n.t('grid.settings.imported'));
      // The imported defaults apply to a fresh view: columns and page size of the file.
      this.store.update((view) => ({
        ...view,
        columns: this.preferences.columns(),
        pageSize: this.preferences.pageSize(),
        page: 0,
      }));
    });
  }

  private refuse(error: SettingsError): void {
    const reason = this.i18n.t(`grid.settings.errors.${error.error}`, error.params);
    this.say(this.i18n.t('grid.settings.refused', { reason, path: error.path || '—' }), true);
  }

  private say(message: string, long = false): void {
    const close = this.i18n.t('common.close');
    void snackBarOf(this.injector).then((snackBar) =>
      snackBar.open(message, close, {
        duration: long ? 10_000 : 4000,
        politeness: long ? 'assertive' : 'polite',
      }),
    );
  }
}
