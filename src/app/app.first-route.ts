import { type Route, type Routes } from '@angular/router';

/**
 * Starts downloading the code of the page a cold load opens while the shell boots (main.ts calls
 * it first thing, before config.json is fetched). The router
 * asks for lazy code only after bootstrap, and one level at a time: the feature parent
 * (feature-routes.ts), then the page's routes, then the chunks those import — three waves of
 * requests on a cold /sessions, each waiting for the one before. Importing the same modules
 * earlier changes nothing else: the router's own `import()` then finds them loaded (or loading),
 * and a failed download here is the router's to report when it asks again.
 *
 * Called from an app initializer, the chunks were asked for only once bootstrap had run (about
 * 150 ms of script): the sessions page's 25 chunks started downloading 550 ms after navigation
 * on a cold load; called from main.ts they start while the page waits for config.json.
 *
 * `path` is the router's path (base href removed, query kept: `routerPath`); `routes` the
 * top-level feature routes (app.routes.ts), below `parent`.
 */
export function warmFirstRoute(path: string, routes: Routes, parent: () => Promise<unknown>): void {
  const segment = path.split(/[?#]/, 1)[0]?.split('/').find(Boolean) ?? '';
  const route: Route | undefined = routes.find((r) => r.path === segment);
  void parent().catch(() => undefined);
  const loaded = route?.loadChildren?.() ?? route?.loadComponent?.();
  if (loaded instanceof Promise) loaded.catch(() => undefined);
}

/** The path the router will read (`Location.path()`): the URL's path below the base href. */
export function routerPath(url: string, baseUri: string): string {
  const path = new URL(url).pathname;
  const base = new URL(baseUri).pathname;
  return path.startsWith(base) ? path.slice(base.length - (base.endsWith('/') ? 1 : 0)) : path;
}
