/**
 * The console deployed the way ArmoniK deploys its Admin GUI: Debian's nginx serves the
 * production build, at `/` and (a build with base href `/admin/`) under `/admin/`, with
 * `deploy/nginx.conf`, and routes gRPC-web to an embedded control plane over HTTP/2. Those
 * journeys go through nginx only: the page, config.json, the API calls and the event stream. The
 * last one compares with the control plane serving the build itself (config.json's default).
 */
import { createClient } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-node';
import { type Page } from '@playwright/test';
import { expect, test } from '../test';
import { readFile } from 'node:fs/promises';

import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { ResultRawEnumField } from '../../proto/gen/armonik/api/grpc/v1/results_fields_pb';
import { Results } from '../../proto/gen/armonik/api/grpc/v1/results_service_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { SessionRawEnumField } from '../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import { Sessions } from '../../proto/gen/armonik/api/grpc/v1/sessions_service_pb';
import { type ControlPlane, startControlPlane } from '../../server/control-plane';
import { type ConsolePath, type Nginx, startNginx } from './nginx';

let plane: ControlPlane;
let nginx: Nginx;

test.beforeAll(async () => {
  // A cluster of its own: these journeys change sessions, the others must not see it.
  plane = await startControlPlane({ port: 0, seed: 11, simulation: false });
  nginx = await startNginx({
    grpcTarget: `127.0.0.1:${plane.port}`,
    // The `/` deployment points config.json at the cluster's gRPC address, as an operator would.
    rootConfig: { apiBaseUrl: '', callTimeoutMs: 15000, grpcEndpoint: 'http://armonik.test:5001' },
  });
});

test.afterAll(async () => {
  await nginx?.stop();
  await plane?.close();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('nginx error.log', { body: nginx.errorLog(), contentType: 'text/plain' });
});

/** Our own clients, through nginx: gRPC-web over HTTP/1.1, as a browser sends it. */
function clients(origin: string) {
  const transport = createGrpcWebTransport({ baseUrl: origin, httpVersion: '1.1' });
  return { sessions: createClient(Sessions, transport), results: createClient(Results, transport) };
}

const statusFilter = (status: SessionStatus) => ({
  or: [
    {
      and: [
        {
          field: {
            field: {
              case: 'sessionRawField' as const,
              value: { field: SessionRawEnumField.STATUS },
            },
          },
          valueCondition: { case: 'filterStatus' as const, value: { value: status, operator: 0 } },
        },
      ],
    },
  ],
});

async function runningSession(origin: string, skip: number): Promise<string> {
  const { sessions } = await clients(origin).sessions.listSessions({
    page: 0,
    pageSize: skip + 1,
    filters: statusFilter(SessionStatus.RUNNING),
    sort: {
      field: {
        field: { case: 'sessionRawField', value: { field: SessionRawEnumField.SESSION_ID } },
      },
      direction: 1,
    },
  });
  return sessions[skip]!.sessionId;
}

/** Every request the page makes, to check where config.json and the API calls went. */
function recordRequests(page: Page): URL[] {
  const seen: URL[] = [];
  page.on('request', (request) => seen.push(new URL(request.url())));
  return seen;
}

const DEPLOYMENTS: { path: ConsolePath; session: number }[] = [
  { path: '/', session: 0 },
  { path: '/admin/', session: 1 },
];

for (const { path, session } of DEPLOYMENTS) {
  test.describe(`behind nginx at ${path}`, () => {
    const site = () => nginx.sites[path];

    test('browse sessions from a deep link, open one, reload it', async ({ page }) => {
      const requests = recordRequests(page);
      // A deep link typed into the address bar: nginx answers the page, the router the route.
      await page.goto(`${site().url}sessions`);
      // The first session id link of the grid (no other link on the page is a GUID).
      const firstLink = page.getByRole('link', { name: /^[0-9a-f]{8}-[0-9a-f]{4}-/ }).first();
      await expect(firstLink).toBeVisible();

      // config.json is read beside index.html, under the base; every call goes to the origin's
      // /armonik.* paths, which nginx routes to the control plane.
      expect(requests.map((u) => u.href)).toContain(`${site().url}config.json`);
      const api = requests.filter((u) => u.pathname.startsWith('/armonik.api.grpc.v1.'));
      expect(api.length).toBeGreaterThan(0);
      expect(api.every((u) => u.origin === site().origin)).toBe(true);

      const id = (await firstLink.textContent())!.trim();
      await firstLink.click();
      await expect(page).toHaveURL(`${site().url}sessions/${id}`);
      await expect(page.getByRole('heading', { level: 1, name: `Session ${id}` })).toBeVisible();

      // A reload on the deep link is a navigation nginx answers with the page again.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: `Session ${id}` })).toBeVisible();
      // In-app navigation keeps the base path.
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Sessions' })
        .click();
      await expect(page).toHaveURL(new RegExp(`^${site().url}sessions`));

      // The French catalog is a lazy chunk; chunks load from under the base like everything else.
      await page.getByRole('button', { name: 'Language' }).click();
      await page.getByRole('menuitemradio', { name: 'Français' }).click();
      await expect(
        page
          .getByRole('navigation', { name: 'Navigation principale' })
          .getByRole('link', { name: 'Tâches' }),
      ).toBeVisible();
      const chunks = requests.filter((u) => /\/chunk-[^/]+\.js$/.test(u.pathname));
      expect(chunks.length).toBeGreaterThan(0);
      expect(chunks.filter((u) => !u.href.startsWith(site().url))).toEqual([]);
    });

    test('run an action and watch its events stream through nginx', async ({ page }) => {
      const id = await runningSession(site().origin, session);
      await page.goto(`${site().url}sessions/${id}`);
      await expect(page.getByRole('heading', { level: 1, name: `Session ${id}` })).toBeVisible();
      await expect(page.getByText(/Listening for events/)).toBeVisible();

      await page
        .getByRole('group', { name: 'Session actions' })
        .getByRole('button', { name: 'Pause session' })
        .click();
      await expect(page.getByText(`Session ${id} paused.`)).toBeVisible();
      const { session: paused } = await clients(site().origin).sessions.getSession({
        sessionId: id,
      });
      expect(paused?.status).toBe(SessionStatus.PAUSED);

      // Its queued tasks move to Paused: the live stream (a long server stream) shows it.
      const events = page.getByRole('list', { name: 'Session events, newest first' });
      await expect(events.getByRole('listitem').first()).toContainText('Task status');
    });

    test('download a result: the bytes are the cluster’s', async ({ page }) => {
      const results = clients(site().origin).results;
      const { results: completed } = await results.listResults({
        page: 0,
        pageSize: 1,
        filters: {
          or: [
            {
              and: [
                {
                  field: {
                    field: {
                      case: 'resultRawField',
                      value: { field: ResultRawEnumField.STATUS },
                    },
                  },
                  valueCondition: {
                    case: 'filterStatus',
                    value: { value: ResultStatus.COMPLETED, operator: 0 },
                  },
                },
              ],
            },
          ],
        },
        sort: {
          field: { field: { case: 'resultRawField', value: { field: ResultRawEnumField.SIZE } } },
          direction: 2,
        },
      });
      const result = completed[0]!;
      await page.goto(`${site().url}results/${result.resultId}`);
      await expect(
        page.getByRole('heading', { level: 1, name: `Result ${result.resultId}` }),
      ).toBeVisible();
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: /^Download \(/ }).click();
      const received = await readFile((await (await downloading).path())!);
      await expect(page.getByRole('status').filter({ hasText: 'Downloaded ' })).toBeVisible();

      const held: Uint8Array[] = [];
      for await (const { dataChunk } of results.downloadResultData({ resultId: result.resultId }))
        held.push(dataChunk);
      expect(received.byteLength).toBe(Number(result.size));
      expect(received.equals(Buffer.concat(held))).toBe(true);
    });

    test('static files: 404 for what does not exist, unless it is a navigation; caching', async ({
      request,
    }) => {
      const missing = await request.get(`${site().url}static/gui_configuration`, {
        headers: { accept: 'application/json' },
      });
      expect(missing.status()).toBe(404);
      const asset = await request.get(`${site().url}chunk-NOTTHERE.js`, {
        headers: { accept: '*/*' },
      });
      expect(asset.status()).toBe(404);
      const navigation = await request.get(`${site().url}tasks/some-task`, {
        headers: { accept: 'text/html,*/*;q=0.8' },
      });
      expect(navigation.status()).toBe(200);
      const html = await navigation.text();
      expect(html).toContain(`<base href="${path}"`);

      const script = /<script src="(main-[^"]+\.js)"/.exec(html)![1]!;
      const bundle = await request.get(`${site().url}${script}`);
      expect(bundle.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      for (const file of ['index.html', 'config.json']) {
        const reply = await request.get(`${site().url}${file}`);
        expect([file, reply.headers()['cache-control']]).toEqual([file, 'no-cache']);
        const again = await request.get(`${site().url}${file}`, {
          headers: { 'if-none-match': reply.headers()['etag']! },
        });
        expect([file, again.status()]).toEqual([file, 304]);
      }
    });
  });
}

test('the Connect panel shows the gRPC endpoint a deployment wrote into config.json', async ({
  page,
}) => {
  const id = await runningSession(nginx.sites['/'].origin, 2);
  await page.goto(`${nginx.sites['/'].url}sessions/${id}`);
  const connect = page.getByRole('region', { name: 'Connect' });
  await expect(connect.getByText('http://armonik.test:5001', { exact: true })).toBeVisible();
  await expect(connect.getByText('grpc.insecure_channel("armonik.test:5001")')).toBeVisible();
});

test('the Connect panel says to ask the administrator when config.json has no gRPC endpoint', async ({
  page,
}) => {
  const id = await runningSession(nginx.sites['/admin/'].origin, 2);
  await page.goto(`${nginx.sites['/admin/'].url}sessions/${id}`);
  const connect = page.getByRole('region', { name: 'Connect' });
  await expect(
    connect.getByText('Not configured: ask your administrator for the cluster’s gRPC address.'),
  ).toBeVisible();
  await expect(connect.getByText(nginx.sites['/admin/'].origin)).toHaveCount(0);
});

test('served by the embedded control plane itself, the Connect panel shows that plane’s address', async ({
  page,
  baseURL,
}) => {
  // The journeys' own webServer: the control plane serving the build, config.json included.
  const id = await runningSession(baseURL!, 0);
  await page.goto(`/sessions/${id}`);
  const connect = page.getByRole('region', { name: 'Connect' });
  await expect(connect.getByText(baseURL!, { exact: true })).toBeVisible();
  const { host } = new URL(baseURL!);
  await expect(connect.getByText(`grpc.insecure_channel("${host}")`)).toBeVisible();
});
