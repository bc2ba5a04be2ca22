import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { type ChoiceDialogRef, DISMISSED, confirmed } from '../../../shared/dialog-result';

export interface TextPromptData {
  /** i18n keys. */
  readonly title: string;
  readonly label: string;
  readonly confirm: string;
  readonly initial?: string;
}

/** Asks for one non-empty line of text (a view's name); closes `confirmed(text)`, or dismissed. */
@Component({
  selector: 'app-text-prompt-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title | translate }}</h2>
    <mat-dialog-content>
      <mat-form-field appearance="outline" class="full">
        <mat-label>{{ data.label | translate }}</mat-label>
        <input
          matInput
          cdkFocusInitial
          maxlength="80"
          [value]="text()"
          (input)="text.set($any($event.target).value)"
          (keydown.enter)="done()"
        />
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="dismissed">
        {{ 'common.cancel' | translate }}
      </button>
      <button mat-flat-button type="button" [disabled]="text().trim() === ''" (click)="done()">
        {{ data.confirm | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
      min-width: 320px;
    }
  `,
})
export class TextPromptDialog {
  /** Closing is never a choice: see dialog-result.ts. */
  protected readonly dismissed = DISMISSED;
  protected readonly data = inject<TextPromptData>(MAT_DIALOG_DATA);
  private readonly ref = inject<ChoiceDialogRef<TextPromptDialog, string>>(MatDialogRef);
  protected readonly text = signal(this.data.initial ?? '');

  protected done(): void {
    if (this.text().trim() !== '') this.ref.close(confirmed(this.text().trim()));
  }
}
