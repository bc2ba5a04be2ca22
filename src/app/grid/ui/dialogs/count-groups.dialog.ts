import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';

import { COUNT_TONES, type CountGroup, countColorCss } from '../../model/counts';
import type { StatusSet } from '../../model/definition';
import { moveKey } from '../../model/columns';
import { checkCountGroups } from '../../model/preferences';
import { preferencesContextOf } from '../../state/codec-context';
import { GridStore } from '../../state/grid.store';
import { GridI18n } from '../grid-i18n';
import { DISMISSED } from '../../../shared/dialog-result';

/** The groups of the counts column: name, statuses added up, colour; saved in preferences. */
@Component({
  selector: 'app-count-groups-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './count-groups.dialog.html',
  styleUrl: './count-groups.dialog.scss',
})
export class CountGroupsDialog {
  /** Closing is never a choice: see dialog-result.ts. */
  protected readonly dismissed = DISMISSED;
  private readonly store = inject(GridStore);
  private readonly ref = inject(MatDialogRef<CountGroupsDialog>);
  private readonly i18n = inject(GridI18n);
  // Offered only for a resource with per-row counts (the column chooser checks): without them,
  // no status to choose from and no default to go back to.
  private readonly counts = this.store.definition.counts;
  protected readonly statuses: StatusSet = this.counts?.statuses ?? { looks: [], label: (k) => k };
  protected readonly tones = COUNT_TONES;
  protected readonly css = countColorCss;

  protected readonly groups = signal<CountGroup[]>(
    this.store.preferences
      .countGroups()
      .map((group) => ({ ...group, name: this.i18n.groupName(group) })),
  );
  private readonly checked = computed(() =>
    checkCountGroups(this.groups(), preferencesContextOf(this.store.definition), 'groups'),
  );
  protected readonly error = computed(() => {
    const checked = this.checked();
    return checked.ok ? undefined : checked.error;
  });

  protected patch(index: number, patch: Partial<CountGroup>): void {
    this.groups.update((groups) => groups.map((g, i) => (i === index ? { ...g, ...patch } : g)));
  }

  protected rename(index: number, name: string): void {
    // A renamed default group is the user's own words from now on.
    this.patch(index, { name, labelKey: undefined });
  }

  protected move(index: number, by: number): void {
    this.groups.set(moveKey(this.groups(), index, index + by));
  }

  protected remove(index: number): void {
    this.groups.update((groups) => groups.filter((_, i) => i !== index));
  }

  protected add(): void {
    this.groups.update((groups) => [
      ...groups,
      { id: `g${Date.now().toString(36)}`, name: '', statuses: [], color: 'neutral' },
    ]);
  }

  protected resetDefaults(): void {
    const defaults = this.counts?.defaultGroups ?? [];
    this.groups.set(defaults.map((group) => ({ ...group, name: this.i18n.groupName(group) })));
  }

  protected save(): void {
    const checked = this.checked();
    if (!checked.ok) return;
    this.store.preferences.update({ countGroups: checked.value });
    this.ref.close(true);
  }
}
