import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';

import { gridLink } from '../../grid/grid-link';
import type { SettingsError } from '../../grid/model/preferences';
import { GridClock } from '../../grid/state/clock';
import { saveBlob } from '../../shared/save-blob';
import { SESSION_STATUS_SET, type SessionAction } from '../../sessions';
import type { AttentionThresholds } from '../model/attention';
import { LINE_GROUPS } from '../model/lines';
import {
  type OverviewLine,
  THRESHOLD_LIMITS,
  checkThresholds,
} from '../model/overview-preferences';
import { SESSIONS_PER_REFRESH } from '../model/scan';
import { OverviewPreferencesStore } from '../state/overview-preferences.store';
import {
  COUNTED_SESSION_STATUSES,
  type AttentionEntry,
  OverviewStore,
} from '../state/overview.store';
import { ACTIVE_SESSIONS } from '../state/overview-reader';
import { CLUSTER_SCOPE, ProgressHistory, lineScope, ProgressChart } from '../../progress';
import { AttentionList } from './attention-list';
import { LineDialog, type LineDialogData } from './line-dialog';
import { openForChoice } from '../../shared/dialog-result';
import { OverviewWords } from './overview-words';
import { ScopeCounts } from './scope-counts';

/** Error codes the overview's own checks produce (others are the grids' settings errors). */
const OWN_ERRORS = [
  'lineFilter',
  'lineGroups',
  'unknownGroup',
  'threshold',
  'nameLength',
  'lines',
  'tooManyLines',
];

/**
 * The page an operator starts the day on: how busy the cluster is, whether it progresses, and
 * which sessions need a person. Every number links to the grid view that produced it.
 */
@Component({
  selector: 'app-overview-page',
  imports: [
    AttentionList,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ProgressChart,
    RouterLink,
    ScopeCounts,
  ],
  providers: [OverviewStore, GridClock],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './overview.page.html',
  styleUrl: './overview.page.scss',
})
export class OverviewPage {
  protected readonly store = inject(OverviewStore);
  protected readonly preferences = inject(OverviewPreferencesStore);
  protected readonly words = inject(OverviewWords);
  private readonly history = inject(ProgressHistory);
  private readonly clock = inject(GridClock);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly lineGroups = LINE_GROUPS;
  protected readonly perRefresh = SESSIONS_PER_REFRESH;
  /** The candidates of the attention list, in the sessions grid. */
  protected readonly activeLink = gridLink('/sessions', ACTIVE_SESSIONS);
  protected readonly limits = THRESHOLD_LIMITS;

  protected readonly updated = computed(() => {
    const at = this.store.updatedAt();
    if (at === undefined) return this.words.t('overview.notYetUpdated');
    return this.words.t('overview.updated', {
      ago: Math.max(0, Math.round((this.clock.now() - at) / 1000)),
    });
  });

  protected readonly sessionCounts = computed(() => {
    const totals = this.store.sessions().value;
    return COUNTED_SESSION_STATUSES.map((key) => {
      const label = this.words.t(SESSION_STATUS_SET.label(key));
      const count = this.words.number(totals?.get(key) ?? 0);
      return {
        key,
        label,
        count,
        known: totals?.has(key) ?? false,
        link: gridLink('/sessions', [{ field: 'status', op: 'eq', values: [key] }]),
        aria: this.words.t('overview.sessions.link', { count, status: label }),
      };
    });
  });

  protected readonly clusterHistory = computed(() => this.history.all().get(CLUSTER_SCOPE) ?? []);
  protected readonly lines = computed(() =>
    this.store.lines().map(({ line, conditions }) => ({
      line,
      conditions,
      groups: LINE_GROUPS.filter((group) => line.groups.includes(group.id)),
      part: this.store.lineCounts().get(line.id),
      history: this.history.all().get(lineScope(line.id)) ?? [],
      link: gridLink('/tasks', conditions),
    })),
  );

  protected readonly thresholdDraft = signal<Record<keyof AttentionThresholds, string>>(
    this.draftOf(this.preferences.thresholds()),
  );
  protected readonly thresholdError = signal<string | undefined>(undefined);
  protected readonly rules = computed(() => ({ ...this.preferences.thresholds() }));

  protected setDraft(key: keyof AttentionThresholds, value: string): void {
    this.thresholdDraft.update((draft) => ({ ...draft, [key]: value }));
  }

  protected applyThresholds(): void {
    const draft = this.thresholdDraft();
    const value = Object.fromEntries(
      Object.entries(draft).map(([k, v]) => [k, v.trim() === '' ? NaN : Number(v)]),
    );
    const checked = checkThresholds(value, 'thresholds');
    if (!checked.ok) {
      this.thresholdError.set(this.errorText(checked.error));
      return;
    }
    this.thresholdError.set(undefined);
    this.preferences.setThresholds(checked.value);
    this.say(this.words.t('overview.thresholds.applied'));
    this.store.refresh();
  }

  protected act(event: { action: SessionAction; entry: AttentionEntry }): void {
    this.store.act(event.action, event.entry);
  }

  protected addLine(): void {
    this.openLine({});
  }

  protected editLine(line: OverviewLine): void {
    this.openLine({ line });
  }

  protected moveLine(line: OverviewLine, by: -1 | 1): void {
    this.preferences.moveLine(line.id, by);
  }

  protected removeLine(line: OverviewLine): void {
    const undo = this.preferences.removeLine(line.id);
    this.snackBar
      .open(
        this.words.t('overview.lines.removed', { name: line.name }),
        this.words.t('overview.lines.undo'),
        {
          duration: 8000,
        },
      )
      .onAction()
      .subscribe(() => {
        undo();
        this.store.refresh();
      });
  }

  protected exportSettings(): void {
    const file = this.preferences.exportSettings();
    saveBlob(
      new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
      'session-console-overview-settings.json',
    );
  }

  protected async importSettings(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = this.preferences.importSettings(await file.text());
    if (result.ok) {
      this.thresholdDraft.set(this.draftOf(this.preferences.thresholds()));
      this.say(this.words.t('grid.settings.imported'));
      this.store.refresh();
    } else {
      this.say(
        this.words.t('grid.settings.refused', {
          reason: this.errorText(result.error),
          path: result.error.path || '—',
        }),
        true,
      );
    }
  }

  private openLine(data: LineDialogData): void {
    openForChoice<OverviewLine, LineDialog, LineDialogData>(this.dialog, LineDialog, {
      data,
      width: '720px',
    }).subscribe((line) => {
      const saved = this.preferences.saveLine(line);
      if (saved.ok) this.store.refresh();
      else this.say(this.errorText(saved.error), true);
    });
  }

  private errorText(error: SettingsError): string {
    const scope = OWN_ERRORS.includes(error.error)
      ? 'overview.settings.errors'
      : 'grid.settings.errors';
    return this.words.t(`${scope}.${error.error}`, error.params);
  }

  private draftOf(thresholds: AttentionThresholds): Record<keyof AttentionThresholds, string> {
    return {
      stuckMinutes: String(thresholds.stuckMinutes),
      failingPercent: String(thresholds.failingPercent),
      pausedMinutes: String(thresholds.pausedMinutes),
    };
  }

  private say(message: string, error = false): void {
    this.snackBar.open(message, this.words.t('actions.notify.dismiss'), {
      duration: error ? 12_000 : 4_000,
      ...(error ? { politeness: 'assertive' as const, panelClass: 'app-snack-error' } : {}),
    });
  }
}
