import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import {
  ChangeDetectionStrategy,
  Component,
  EnvironmentInjector,
  createEnvironmentInjector,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { provideDialogDefaults } from './dialog-defaults';

@Component({
  selector: 'app-focus-probe-dialog',
  imports: [MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<button type="button">Keep</button>`,
})
class FocusProbeDialog {}

/**
 * Opens the probe as a feature page would, then renders once: the frame it first shows in.
 * Returns its container (jsdom lays nothing out, so the CDK finds no tabbable button and focuses
 * the container itself, as it does for a dialog opened with `autoFocus: 'dialog'`).
 */
function openAndRender(dialog: MatDialog): HTMLElement {
  const ref = dialog.open(FocusProbeDialog);
  TestBed.tick();
  return (ref.componentRef!.location.nativeElement as HTMLElement).closest('mat-dialog-container')!;
}

describe('dialog defaults of the feature routes', () => {
  let outside: HTMLButtonElement;

  beforeEach(() => {
    jest.useFakeTimers();
    // The opening animation runs (it is what Material waits for before taking the focus).
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: false } }],
    });
    outside = document.body.appendChild(document.createElement('button'));
    outside.focus();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    outside.remove();
    jest.useRealTimers();
  });

  const features = () =>
    createEnvironmentInjector(provideDialogDefaults(), TestBed.inject(EnvironmentInjector));

  it('moves the focus into a dialog in the frame it first shows in, not after its animation', () => {
    const opened = openAndRender(features().get(MatDialog));
    expect(opened.contains(document.activeElement)).toBe(true);
  });

  it('without them, the page behind the backdrop kept the keyboard until the animation ended', () => {
    const opened = openAndRender(TestBed.inject(MatDialog));
    expect(document.activeElement).toBe(outside);
    jest.runOnlyPendingTimers();
    TestBed.tick();
    expect(opened.contains(document.activeElement)).toBe(true);
  });

  it('shares one list of open dialogs with the root service (shortcuts check it)', () => {
    openAndRender(features().get(MatDialog));
    expect(TestBed.inject(MatDialog).openDialogs).toHaveLength(1);
  });
});
