import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';

import { fieldResolver } from '../../grid/field-resolver';
import type { ResourceDefinition } from '../../grid/model/definition';
import { filterProblems } from '../../grid/model/filter-proto';
import { type Condition, defaultOperator } from '../../grid/model/filter-types';
import { ConditionEditor, initialValues } from '../../grid/ui/filter-builder/condition-editor';
import { fieldGroups } from '../../grid/ui/filter-builder/field-options';
import { GridI18n } from '../../grid/ui/grid-i18n';
import { TASKS } from '../../tasks';
import { DEFAULT_LINE_GROUPS, LINE_GROUPS, lineConditions, lineFilter } from '../model/lines';
import type { OverviewLine } from '../model/overview-preferences';
import { type ChoiceDialogRef, DISMISSED, confirmed } from '../../shared/dialog-result';

export interface LineDialogData {
  /** The line to edit; a new line when absent. */
  readonly line?: OverviewLine;
}

/**
 * Adds or edits a line: its name, a task filter built with the filter builder's own condition
 * editor (the tasks grid's fields, values checked as the grid checks them) and the status
 * groups to show. Save stays disabled until all of it is valid.
 */
@Component({
  selector: 'app-line-dialog',
  imports: [
    ConditionEditor,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      {{ (data.line ? 'overview.lines.editTitle' : 'overview.lines.addTitle') | translate }}
    </h2>
    <mat-dialog-content>
      <mat-form-field appearance="outline" class="full">
        <mat-label>{{ 'overview.lines.name' | translate }}</mat-label>
        <input
          matInput
          cdkFocusInitial
          maxlength="80"
          [value]="name()"
          (input)="name.set($any($event.target).value)"
        />
      </mat-form-field>
      <fieldset>
        <legend>{{ 'overview.lines.filter' | translate }}</legend>
        @for (condition of conditions(); track $index; let i = $index) {
          <app-condition-editor
            [condition]="condition"
            [fields]="fields"
            [resolve]="resolve"
            [allowCustom]="true"
            [error]="errorOf(i)"
            [label]="i18n.t('overview.lines.conditionLabel', { condition: i + 1 })"
            (changed)="change(i, $event)"
            (removed)="remove(i)"
          />
        } @empty {
          <p class="hint">{{ 'overview.lines.everyTask' | translate }}</p>
        }
        <button mat-button type="button" (click)="add()">
          <mat-icon aria-hidden="true">add</mat-icon>
          {{ 'overview.lines.addCondition' | translate }}
        </button>
      </fieldset>
      <fieldset>
        <legend>{{ 'overview.lines.groups' | translate }}</legend>
        @for (group of groupChoices; track group.id) {
          <mat-checkbox [checked]="groups().includes(group.id)" (change)="toggle(group.id)">
            {{ i18n.groupName(group) }}
          </mat-checkbox>
        }
      </fieldset>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (problem(); as reason) {
        <span class="invalid" role="status">{{ reason | translate }}</span>
      }
      <button mat-button type="button" [mat-dialog-close]="dismissed">
        {{ 'common.cancel' | translate }}
      </button>
      <button mat-flat-button type="button" [disabled]="problem() !== undefined" (click)="save()">
        {{ 'overview.lines.save' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
      min-width: 360px;
    }
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin: 0 0 12px;
      padding: 8px 12px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .invalid {
      color: var(--mat-sys-error);
      margin-right: auto;
    }
  `,
})
export class LineDialog {
  protected readonly data = inject<LineDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<ChoiceDialogRef<LineDialog, OverviewLine>>(MatDialogRef);
  /** Closing is never a choice: see dialog-result.ts. */
  protected readonly dismissed = DISMISSED;
  protected readonly i18n = inject(GridI18n);
  protected readonly fields = fieldGroups(TASKS as unknown as ResourceDefinition);
  protected readonly resolve = fieldResolver(TASKS);
  protected readonly groupChoices = LINE_GROUPS;

  protected readonly name = signal(this.data.line?.name ?? '');
  protected readonly conditions = signal<Condition[]>(
    this.data.line ? [...lineConditions(this.data.line.filter)] : [],
  );
  protected readonly groups = signal<readonly string[]>(
    this.data.line?.groups ?? DEFAULT_LINE_GROUPS,
  );

  private readonly problems = computed(() => filterProblems([this.conditions()], this.resolve));
  protected readonly problem = computed(() => {
    if (this.name().trim() === '') return 'overview.lines.needName';
    if (this.groups().length === 0) return 'overview.lines.needGroup';
    if (this.problems().length > 0) return 'overview.lines.needValidFilter';
    return undefined;
  });

  protected errorOf(index: number) {
    return this.problems().find((p) => p.index === index)?.error;
  }

  protected add(): void {
    this.conditions.update((list) => [
      ...list,
      { field: 'applicationName', op: defaultOperator('string'), values: initialValues('string') },
    ]);
  }

  protected change(index: number, condition: Condition): void {
    this.conditions.update((list) => list.map((c, i) => (i === index ? condition : c)));
  }

  protected remove(index: number): void {
    this.conditions.update((list) => list.filter((_, i) => i !== index));
  }

  protected toggle(id: string): void {
    this.groups.update((groups) =>
      groups.includes(id)
        ? groups.filter((g) => g !== id)
        : LINE_GROUPS.map((g) => g.id).filter((g) => g === id || groups.includes(g)),
    );
  }

  protected save(): void {
    if (this.problem() !== undefined) return;
    this.ref.close(
      confirmed({
        id: this.data.line?.id ?? newId(),
        name: this.name().trim(),
        filter: lineFilter(this.conditions()),
        groups: this.groups(),
      }),
    );
  }
}

function newId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ??
    `l${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`
  );
}
