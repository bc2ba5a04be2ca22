import { Clipboard } from '@angular/cdk/clipboard';
import { Injectable, Injector, inject } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

import { snackBarOf } from './lazy-overlays';

/** Copies text and says so (or says it could not); the snack bar's code loads on the first copy. */
@Injectable({ providedIn: 'root' })
export class CopyToClipboard {
  private readonly clipboard = inject(Clipboard);
  private readonly injector = inject(Injector);
  private readonly translate = inject(TranslateService);

  copy(text: string, messageKey = 'common.copied'): void {
    const ok = this.clipboard.copy(text);
    const message = this.translate.instant(ok ? messageKey : 'actions.copyFailed') as string;
    void snackBarOf(this.injector).then((snackBar) =>
      snackBar.open(message, undefined, { duration: 2_500 }),
    );
  }
}
