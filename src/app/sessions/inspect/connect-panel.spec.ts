import { TestBed } from '@angular/core/testing';
import { create } from '@bufbuild/protobuf';
import {
  provideTranslateLoader,
  provideTranslateService,
  TranslateService,
} from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';

import { SessionRawSchema } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { DEFAULT_RUNTIME_CONFIG, RUNTIME_CONFIG } from '../../api/runtime-config';
import { CatalogLoader } from '../../i18n/catalog-loader';
import { ConnectPanel } from './connect-panel';

const SNIPPET_NAMES = [
  'Code to submit a task into this session',
  'Code pour soumettre une tâche dans cette session',
];

const session = create(SessionRawSchema, { sessionId: 'sess-42', clientSubmission: true });

/** The panel with the real catalogs, in `lang`, for a deployment whose config.json says `grpcEndpoint`. */
async function render(grpcEndpoint: string, lang: 'en' | 'fr' = 'en') {
  TestBed.configureTestingModule({
    imports: [ConnectPanel],
    providers: [
      provideTranslateService({
        loader: provideTranslateLoader(() => new CatalogLoader()),
        fallbackLang: 'en',
      }),
      {
        provide: RUNTIME_CONFIG,
        useValue: { ...DEFAULT_RUNTIME_CONFIG, apiBaseUrl: 'http://web-only:4200', grpcEndpoint },
      },
    ],
  });
  await firstValueFrom(TestBed.inject(TranslateService).use(lang));
  const fixture = TestBed.createComponent(ConnectPanel);
  fixture.componentRef.setInput('session', session);
  fixture.detectChanges();
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const fact = (term: string) =>
    [...element.querySelectorAll('dt')]
      .find((dt) => dt.textContent?.trim() === term)
      ?.nextElementSibling?.textContent?.trim();
  /** The snippet, found by its accessible name in the active language. */
  const code = () =>
    [...element.querySelectorAll('[aria-label]')].find((e) =>
      SNIPPET_NAMES.includes(e.getAttribute('aria-label') ?? ''),
    )?.textContent ?? '';
  return { fact, code };
}

describe('Connect panel', () => {
  it('shows the configured native gRPC endpoint and the snippets connect to it', async () => {
    const { fact, code } = await render('https://armonik.example:5001');
    expect(fact('gRPC endpoint')).toBe('https://armonik.example:5001');
    expect(code()).toContain('grpc.secure_channel("armonik.example:5001"');
    expect(code()).not.toContain('web-only');
  });

  it('says to ask the administrator when no gRPC endpoint is configured (never the web origin)', async () => {
    const { fact, code } = await render('');
    expect(fact('gRPC endpoint')).toBe(
      'Not configured: ask your administrator for the cluster’s gRPC address.',
    );
    expect(code()).toContain('grpc.insecure_channel("<gRPC endpoint: ask your administrator>")');
    expect(code()).not.toContain('web-only');
    expect(code()).not.toContain(globalThis.location.host);
  });

  it('says it in French too', async () => {
    const { fact, code } = await render('', 'fr');
    expect(fact('Point d’accès gRPC')).toBe(
      'Non configuré : demandez l’adresse gRPC du cluster à votre administrateur.',
    );
    expect(code()).toContain('"<adresse gRPC : voir votre administrateur>"');
  });
});
