import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';

import en from '../i18n/en.json';
import { CopyToClipboard } from './clipboard';
import { InertText, SHOWN_CHARS, inertLine, inertParts } from './inert-text';

async function render(value: string) {
  const copy = jest.fn();
  TestBed.configureTestingModule({
    imports: [InertText],
    providers: [
      provideTranslateService({ lang: 'en' }),
      { provide: CopyToClipboard, useValue: { copy } },
    ],
  });
  TestBed.inject(TranslateService).setTranslation('en', en);
  TestBed.inject(TranslateService).use('en');
  const fixture = TestBed.createComponent(InertText);
  fixture.componentRef.setInput('value', value);
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const shown = () => (fixture.nativeElement as HTMLElement).querySelector('bdi')?.textContent;
  return { fixture, loader, copy, shown };
}

describe('untrusted text shown inert', () => {
  it('marks a right-to-left override instead of letting it reverse "1.0.0"', async () => {
    const { shown, fixture } = await render('\u202E1.0.0');
    expect(shown()).toBe('U+202E1.0.0');
    expect(shown()).not.toContain('\u202E');
    expect(
      (fixture.nativeElement as HTMLElement).querySelector(
        '[aria-label="Direction-control character U+202E"]',
      ),
    ).not.toBeNull();
  });

  it('splits every kind of direction control, keeping the text around it', () => {
    expect(inertParts('a\u2066b\u200Fc')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'control', code: 'U+2066' },
      { kind: 'text', text: 'b' },
      { kind: 'control', code: 'U+200F' },
      { kind: 'text', text: 'c' },
    ]);
    expect(inertParts('plain')).toEqual([{ kind: 'text', text: 'plain' }]);
  });

  it('cuts a 200 kB value, shows it all on demand, and copies it whole', async () => {
    const value = 'x'.repeat(200_000);
    const { loader, copy, shown, fixture } = await render(value);
    expect(shown()).toBe('x'.repeat(SHOWN_CHARS) + '…');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show all' }))).click();
    await fixture.whenStable();
    expect(shown()).toBe(value);
    await (await loader.getHarness(MatButtonHarness.with({ text: /Copy value/ }))).click();
    expect(copy).toHaveBeenCalledWith(value);
  });

  it('shows a short value as it is, with no extra controls', async () => {
    const { loader, shown } = await render('team-a');
    expect(shown()).toBe('team-a');
    expect(await loader.getAllHarnesses(MatButtonHarness)).toHaveLength(0);
  });

  it('in one line (grid cells): controls visible, long values cut', () => {
    expect(inertLine('\u202E1.0.0')).toBe('⟨U+202E⟩1.0.0');
    expect(inertLine('x'.repeat(300), 200)).toBe(`${'x'.repeat(200)}…`);
    expect(inertLine('plain')).toBe('plain');
  });
});
