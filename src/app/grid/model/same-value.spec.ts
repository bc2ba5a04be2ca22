import { type MessageInitShape, create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';

import { SessionRawSchema } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { sameValue } from './same-value';

const base: MessageInitShape<typeof SessionRawSchema> = {
  sessionId: 's1',
  partitionIds: ['a', 'b'],
  createdAt: timestampFromMs(1_000),
  options: { maxRetries: 2, options: { team: 'x' } },
};
const session = (over: MessageInitShape<typeof SessionRawSchema> = {}) =>
  create(SessionRawSchema, { ...base, ...over } as MessageInitShape<typeof SessionRawSchema>);

describe('sameValue', () => {
  it('holds for two decodings of the same message', () => {
    expect(sameValue(session(), session())).toBe(true);
  });

  it('sees a change anywhere in a message: a field, a list, a map, a bigint, a nested message', () => {
    expect(sameValue(session(), session({ status: 2 }))).toBe(false);
    expect(sameValue(session(), session({ partitionIds: ['a'] }))).toBe(false);
    expect(sameValue(session(), session({ partitionIds: ['a', 'c'] }))).toBe(false);
    expect(
      sameValue(session(), session({ options: { maxRetries: 2, options: { team: 'y' } } })),
    ).toBe(false);
    expect(sameValue(session(), session({ createdAt: timestampFromMs(2_000) }))).toBe(false);
    expect(sameValue(session(), session({ closedAt: timestampFromMs(1_000) }))).toBe(false);
  });

  it('compares bytes, NaN and missing keys as values', () => {
    expect(sameValue(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(sameValue(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(sameValue(new Uint8Array([1]), [1])).toBe(false);
    expect(sameValue(NaN, NaN)).toBe(true);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue(1n, 1n)).toBe(true);
    expect(sameValue(1n, 1)).toBe(false);
  });
});
