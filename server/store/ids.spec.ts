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
  it('gives the same id as one flat string (encodeFlat, for ids a record keeps)', () => {
    for (const row of [0, 9, 100_000, 2 ** 40])
      expect(codec.encodeFlat(IdKind.Session, row)).toBe(codec.encode(IdKind.Session, row));
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
