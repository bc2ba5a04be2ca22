import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import {
  ChangeDetectionStrategy,
  Component,
  type EnvironmentProviders,
  type Provider,
} from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogConfig, type MatDialogRef } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { type ComponentType } from '@angular/cdk/overlay';

import en from '../app/i18n/en.json';
import { choiceOf } from '../app/shared/dialog-result';

@Component({
  selector: 'app-dialog-test-host',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class DialogTestHost {}

/**
 * Test bed for a dialog as operators meet it: opened by the real MatDialog, in English (the real
 * catalog, so harnesses find buttons by the words users read), driven through Material's harnesses.
 * `choices` records every confirmed value; `closed` tells whether the dialog went away.
 */
export async function openDialogForTest<C, D>(
  component: ComponentType<C>,
  config: MatDialogConfig<D>,
  providers: (Provider | EnvironmentProviders)[] = [],
) {
  TestBed.configureTestingModule({
    imports: [DialogTestHost],
    providers: [
      provideTranslateService({ lang: 'en' }),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ...providers,
    ],
  });
  const translate = TestBed.inject(TranslateService);
  translate.setTranslation('en', en);
  translate.use('en');
  const fixture: ComponentFixture<DialogTestHost> = TestBed.createComponent(DialogTestHost);
  const ref: MatDialogRef<C, unknown> = TestBed.inject(MatDialog).open(component, config);
  const choices: unknown[] = [];
  let closed = false;
  choiceOf(ref).subscribe({ next: (value) => choices.push(value) });
  ref.afterClosed().subscribe(() => (closed = true));
  const loader: HarnessLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
  const dialog = await loader.getHarness(MatDialogHarness);
  await fixture.whenStable();
  return { fixture, ref, loader, dialog, choices, isClosed: () => closed };
}
