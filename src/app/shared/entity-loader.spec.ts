import { Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Code, ConnectError } from '@connectrpc/connect';

import { EntityLoader } from './entity-loader';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function loader(fetch: jest.Mock, live?: (value: string) => boolean) {
  const id = signal('a');
  const instance = runInInjectionContext(
    TestBed.inject(Injector),
    () => new EntityLoader(id, { fetch, live, periodMs: 10 }),
  );
  return { id, instance };
}

describe('EntityLoader', () => {
  it('loads the entity of the id, and the next id', async () => {
    const fetch = jest.fn((id: string) => Promise.resolve(`value of ${id}`));
    const { id, instance } = loader(fetch);
    expect(instance.state()).toEqual({ kind: 'loading' });
    TestBed.tick();
    await flush();
    expect(instance.state()).toEqual({ kind: 'loaded', value: 'value of a' });
    id.set('b');
    TestBed.tick();
    await flush();
    expect(instance.value()).toBe('value of b');
  });

  it('NOT_FOUND means no such id', async () => {
    const { instance } = loader(
      jest.fn().mockRejectedValue(new ConnectError('gone', Code.NotFound)),
    );
    TestBed.tick();
    await flush();
    expect(instance.state()).toEqual({ kind: 'notFound' });
  });

  it('a failed refresh keeps the last value and says why', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce('v1')
      .mockRejectedValueOnce(new ConnectError('down', Code.Unavailable));
    const { instance } = loader(fetch);
    TestBed.tick();
    await flush();
    instance.refresh();
    await flush();
    expect(instance.state()).toMatchObject({
      kind: 'loaded',
      value: 'v1',
      refreshError: { code: Code.Unavailable },
    });
  });

  it('a first failure is a failed page', async () => {
    const { instance } = loader(
      jest.fn().mockRejectedValue(new ConnectError('down', Code.Unavailable)),
    );
    TestBed.tick();
    await flush();
    expect(instance.state()).toMatchObject({ kind: 'failed', error: { reason: 'down' } });
  });

  it('reads a live entity again until it settles', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce('running')
      .mockResolvedValueOnce('running')
      .mockResolvedValue('done');
    jest.useFakeTimers();
    try {
      const { instance } = loader(fetch, (value) => value === 'running');
      TestBed.tick();
      await jest.advanceTimersByTimeAsync(80);
      expect(instance.value()).toBe('done');
      expect(fetch).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
