import { Clipboard } from '@angular/cdk/clipboard';
import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslateService } from '@ngx-translate/core';

/** Copies text and says so (or says it could not). */
@Injectable({ providedIn: 'root' })
export class CopyToClipboard {
  private readonly clipboard = inject(Clipboard);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  copy(text: string, messageKey = 'common.copied'): void {
    const ok = this.clipboard.copy(text);
    this.snackBar.open(
      this.translate.instant(ok ? messageKey : 'actions.copyFailed') as string,
      undefined,
      {
        duration: 2_500,
      },
    );
  }
}
