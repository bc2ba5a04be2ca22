import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';

import { SessionRawSchema } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { lifecycleOf } from './lifecycle';

const T0 = Date.UTC(2026, 0, 1, 8, 0, 0);
const MIN = 60_000;

describe('session lifecycle', () => {
  it('orders the steps and measures the time between them', () => {
    const session = create(SessionRawSchema, {
      sessionId: 's',
      status: SessionStatus.PURGED,
      createdAt: timestampFromMs(T0),
      closedAt: timestampFromMs(T0 + 90 * MIN),
      purgedAt: timestampFromMs(T0 + 120 * MIN),
      duration: { seconds: BigInt(90 * 60), nanos: 0 },
    });
    const life = lifecycleOf(session, T0 + 1_000 * MIN);
    expect(life.steps).toEqual([
      { event: 'created', at: T0 },
      { event: 'closed', at: T0 + 90 * MIN, sincePrevious: 90 * MIN },
      { event: 'purged', at: T0 + 120 * MIN, sincePrevious: 30 * MIN },
    ]);
    expect(life).toMatchObject({
      active: false,
      paused: false,
      live: false,
      start: T0,
      end: T0 + 90 * MIN,
      durationMs: 90 * MIN,
    });
  });

  it('ends at the first of cancelled and closed, and computes the duration when the server has none', () => {
    const session = create(SessionRawSchema, {
      status: SessionStatus.CANCELLED,
      createdAt: timestampFromMs(T0),
      closedAt: timestampFromMs(T0 + 50 * MIN),
      cancelledAt: timestampFromMs(T0 + 40 * MIN),
    });
    expect(lifecycleOf(session, T0 + 999 * MIN)).toMatchObject({
      end: T0 + 40 * MIN,
      durationMs: 40 * MIN,
    });
  });

  it('counts a running or paused session live, up to now', () => {
    const paused = create(SessionRawSchema, {
      status: SessionStatus.PAUSED,
      createdAt: timestampFromMs(T0),
    });
    expect(lifecycleOf(paused, T0 + 5 * MIN)).toMatchObject({
      active: true,
      paused: true,
      live: true,
      durationMs: 5 * MIN,
    });
  });
});
