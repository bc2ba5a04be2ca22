import { type Route, type Routes } from '@angular/router';

/**
 * Starts downloading the code of the page a cold load opens while the shell boots. The router
 * asks for lazy code only after bootstrap, and one level at a time: the feature parent
 * (feature-routes.ts), then the page's routes, then the chunks those import — three waves of
 * requests on a cold /sessions, each waiting for the one before. Importing the same modules
 * earlier changes nothing else: the router's own `import()` then finds them loaded (or loading),
 * and a failed download here is the router's to report when it asks again.
 *
 * `path` is the router's path (`Location.path()`: base href removed, query kept); `routes` the
 * top-level feature routes (app.routes.ts), below `parent`.
 */
export function warmFirstRoute(path: string, routes: Routes, parent: () => Promise<unknown>): void {
  const segment = path.split(/[?#]/, 1)[0]?.split('/').find(Boolean) ?? '';
  const route: Route | undefined = routes.find((r) => r.path === segment);
  void parent().catch(() => undefined);
  const loaded = route?.loadChildren?.() ?? route?.loadComponent?.();
  if (loaded instanceof Promise) loaded.catch(() => undefined);
}
