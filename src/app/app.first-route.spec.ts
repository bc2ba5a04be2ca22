import { describe, expect, it, jest } from '@jest/globals';
import { type Type } from '@angular/core';
import { type Routes } from '@angular/router';

import { routerPath, warmFirstRoute } from './app.first-route';

const nodeTimers = jest.requireActual<typeof import('node:timers')>('node:timers');

function fixture(failing = false) {
  const settle = <T>(value: T): Promise<T> =>
    failing ? Promise.reject(new Error('offline')) : Promise.resolve(value);
  const load = () => jest.fn(() => settle<Routes>([]));
  const overview = load();
  const sessions = load();
  const tasks = load();
  const notFound = jest.fn(() => settle<Type<unknown>>(class NotFound {}));
  const parent = load();
  const routes: Routes = [
    { path: '', pathMatch: 'full', loadChildren: overview },
    { path: 'sessions', loadChildren: sessions },
    { path: 'tasks', loadChildren: tasks },
    { path: '**', loadComponent: notFound },
  ];
  return { routes, parent, overview, sessions, tasks, notFound };
}

describe('warmFirstRoute', () => {
  it('starts loading the feature parent and the page the URL opens, and no other page', () => {
    const f = fixture();
    warmFirstRoute('/sessions?sort=createdAt:desc&page=1', f.routes, f.parent);
    expect(f.parent).toHaveBeenCalledTimes(1);
    expect(f.sessions).toHaveBeenCalledTimes(1);
    expect(f.overview).not.toHaveBeenCalled();
    expect(f.tasks).not.toHaveBeenCalled();
  });

  it('reads the first segment only: a session page warms the sessions routes', () => {
    const f = fixture();
    warmFirstRoute('/sessions/abc-123#top', f.routes, f.parent);
    expect(f.sessions).toHaveBeenCalledTimes(1);
  });

  it('warms the overview for the root path', () => {
    const f = fixture();
    warmFirstRoute('', f.routes, f.parent);
    expect(f.overview).toHaveBeenCalledTimes(1);
    expect(f.sessions).not.toHaveBeenCalled();
  });

  it('leaves an unknown path to the router (only the parent loads)', () => {
    const f = fixture();
    warmFirstRoute('/no-such-page', f.routes, f.parent);
    expect(f.parent).toHaveBeenCalledTimes(1);
    expect(f.notFound).not.toHaveBeenCalled();
    expect(f.overview).not.toHaveBeenCalled();
  });

  it('swallows a failed download: the router asks again and reports it', async () => {
    const f = fixture(true);
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      warmFirstRoute('/tasks', f.routes, f.parent);
      // Node reports an unhandled rejection once the microtasks have run: yield one turn (jsdom
      // has no setImmediate; Node's timers module has).
      await new Promise((resolve) => nodeTimers.setImmediate(resolve));
      expect(f.tasks).toHaveBeenCalledTimes(1);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('routerPath', () => {
  it('is the path below the base href, as the router reads it', () => {
    expect(routerPath('https://c.example/sessions?page=2', 'https://c.example/')).toBe('/sessions');
    expect(routerPath('https://c.example/admin/tasks/t1', 'https://c.example/admin/')).toBe(
      '/tasks/t1',
    );
    expect(routerPath('https://c.example/admin/', 'https://c.example/admin/')).toBe('/');
  });

  it('keeps a path outside the base href whole (the router then shows its not-found page)', () => {
    expect(routerPath('https://c.example/other/x', 'https://c.example/admin/')).toBe('/other/x');
  });
});
