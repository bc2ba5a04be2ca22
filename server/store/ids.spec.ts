import { IdCodec, IdKind } from './ids';

describe('IdCodec', () => {
  const codec = new IdCodec(7);
  it('makes version-4-looking GUIDs that decode back to their row', () => {
    for (const row of [0, 1, 2, 999, 123_456, 5_000_000, 2 ** 40]) {
      const id = codec.encode(IdKind.Task, row);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(codec.decode(id, IdKind.Task)).toBe(row);
    }
  });
  it('writes the same characters as ASCII bytes (encodeInto, for substring filters)', () => {
    const out = new Uint8Array(36);
    for (const row of [0, 1, 77, 65_535, 5_000_000, 2 ** 40]) {
      for (const kind of [IdKind.Session, IdKind.Task, IdKind.Result]) {
        codec.encodeInto(kind, row, out);
        expect(Buffer.from(out).toString('latin1')).toBe(codec.encode(kind, row));
      }
    }
  });
  it('gives the ids it always gave (links and bench runs name sessions by them)', () => {
    const ids = [
      codec.encode(IdKind.Session, 0),
      codec.encode(IdKind.Task, 1),
      codec.encode(IdKind.Result, 5_000_000),
      codec.encode(IdKind.Payload, 2 ** 40),
    ];
    // Written by the earlier string-concatenating encoder, before ids were read from bytes.
    expect(ids).toEqual([
      '78a9a805-cf2c-40c0-9de2-9f567b119915',
      '5c305b8a-2c55-401a-b478-e100aaa7a096',
      '6c20c6fc-9740-4dd3-8244-cf4f7de68e73',
      '52897a83-c664-4eda-a1be-ee9332351545',
    ]);
  });
  it('is reproducible per seed and different across seeds and kinds', () => {
    expect(new IdCodec(7).encode(IdKind.Session, 3)).toBe(codec.encode(IdKind.Session, 3));
    expect(new IdCodec(8).encode(IdKind.Session, 3)).not.toBe(codec.encode(IdKind.Session, 3));
    expect(codec.encode(IdKind.Result, 3)).not.toBe(codec.encode(IdKind.Task, 3));
  });
  it('refuses ids of another kind, another seed, altered or malformed', () => {
    const id = codec.encode(IdKind.Task, 42);
    expect(codec.decode(id, IdKind.Result)).toBeUndefined();
    expect(new IdCodec(8).decode(id, IdKind.Task)).toBeUndefined();
    expect(
      codec.decode(id.slice(0, -1) + (id.endsWith('0') ? '1' : '0'), IdKind.Task),
    ).toBeUndefined();
    expect(codec.decode(id.toUpperCase(), IdKind.Task)).toBeUndefined();
    expect(codec.decode('not-an-id', IdKind.Task)).toBeUndefined();
    expect(codec.decode('', IdKind.Task)).toBeUndefined();
  });
  it('orders ids as strings exactly like their numeric keys (cheap tie-breaks)', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => i);
    const byString = [...rows].sort((a, b) =>
      codec.encode(IdKind.Task, a) < codec.encode(IdKind.Task, b) ? -1 : 1,
    );
    const byKey = [...rows].sort((a, b) => codec.key(IdKind.Task, a) - codec.key(IdKind.Task, b));
    expect(byKey).toEqual(byString);
    expect(new Set(rows.map((r) => codec.encode(IdKind.Task, r))).size).toBe(rows.length);
  });
});
