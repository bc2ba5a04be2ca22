import { hash32 } from './random';

/** What an id names; part of the encrypted payload so a task id never resolves as a result. */
export enum IdKind {
  Session = 1,
  Task = 2,
  Result = 3,
  Payload = 4,
}

const HALF = 2 ** 26;
const MASK26 = HALF - 1;
const KIND_SHIFT = 2 ** 48;
const ROUNDS = 4;
const GUID = /^([0-9a-f]{8})-([0-9a-f]{4})-4([0-9a-f])[0-9a-f]{2}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Turns (kind, row index) into a version-4-looking GUID and back, with no lookup table.
 *
 * Why: at 5 million tasks a Map from id string to row would cost hundreds of MB. Instead the
 * first 13 hex digits are a seed-keyed Feistel permutation of `kind·2^48 + index` (bijective, so
 * invertible) and the remaining digits are a keyed hash of them (so random strings do not
 * decode). Because the permuted value is written most-significant digit first, comparing two ids
 * as strings orders them exactly like comparing their `key()` numbers — which lets sorts break
 * ties "by id" with a cheap numeric comparison.
 */
export class IdCodec {
  private readonly keys: number[];

  constructor(seed: number) {
    this.keys = Array.from({ length: ROUNDS + 3 }, (_, i) => hash32(seed, 0x51d + i));
  }

  /** The 52-bit permuted value whose order is the id's string order. */
  key(kind: IdKind, index: number): number {
    const plain = kind * KIND_SHIFT + index;
    let left = Math.floor(plain / HALF);
    let right = plain % HALF;
    for (let r = 0; r < ROUNDS; r++) {
      const next = (left ^ (hash32(right, this.keys[r]!) & MASK26)) >>> 0;
      left = right;
      right = next;
    }
    return left * HALF + right;
  }

  /**
   * The id as a flat one-byte string, read from the 36 ASCII bytes `encodeInto` writes. Built by
   * concatenation it was a tree of some 25 string parts (about 800 bytes) that the protobuf
   * encoder then flattened again: at the load mix's pace (bench section 5) that was 12 % of
   * everything the process allocated. Reading the bytes costs one string: 7 collections instead
   * of 210–420 for 2 million ids, and 40 % less time.
   */
  encode(kind: IdKind, index: number): string {
    this.writeKey(this.key(kind, index), SCRATCH);
    return SCRATCH.toString('latin1', 0, ID_LENGTH);
  }

  /**
   * The same 36 characters as `encode`, as ASCII bytes written into `out`: substring filters
   * on an id column test millions of rows without allocating a string per row.
   */
  encodeInto(kind: IdKind, index: number, out: Uint8Array): void {
    this.writeKey(this.key(kind, index), out);
  }

  /** The 36 ASCII bytes of the id whose permuted value is `permuted`. */
  private writeKey(permuted: number, out: Uint8Array): void {
    const h1 = hash32(Math.floor(permuted / HALF), (permuted % HALF) ^ this.keys[ROUNDS]!);
    const h2 = hash32(h1, this.keys[ROUNDS + 1]!);
    const h3 = hash32(h2, this.keys[ROUNDS + 2]!);
    const hi = Math.floor(permuted / 2 ** 32);
    const lo = permuted - hi * 2 ** 32;
    const x = HEX_CODES;
    out[0] = x[(hi >>> 16) & 15]!;
    out[1] = x[(hi >>> 12) & 15]!;
    out[2] = x[(hi >>> 8) & 15]!;
    out[3] = x[(hi >>> 4) & 15]!;
    out[4] = x[hi & 15]!;
    out[5] = x[(lo >>> 28) & 15]!;
    out[6] = x[(lo >>> 24) & 15]!;
    out[7] = x[(lo >>> 20) & 15]!;
    out[8] = DASH;
    out[9] = x[(lo >>> 16) & 15]!;
    out[10] = x[(lo >>> 12) & 15]!;
    out[11] = x[(lo >>> 8) & 15]!;
    out[12] = x[(lo >>> 4) & 15]!;
    out[13] = DASH;
    out[14] = FOUR;
    out[15] = x[lo & 15]!;
    out[16] = x[(h1 >>> 4) & 15]!;
    out[17] = x[h1 & 15]!;
    out[18] = DASH;
    out[19] = x[8 + ((h1 >>> 8) & 3)]!;
    out[20] = x[(h1 >>> 20) & 15]!;
    out[21] = x[(h1 >>> 16) & 15]!;
    out[22] = x[(h1 >>> 12) & 15]!;
    out[23] = DASH;
    for (let i = 0; i < 8; i++) out[24 + i] = x[(h2 >>> (28 - 4 * i)) & 15]!;
    for (let i = 0; i < 4; i++) out[32 + i] = x[(h3 >>> (12 - 4 * i)) & 15]!;
  }

  /** The row index an id names, or undefined if it is not an id of that kind issued by this codec. */
  decode(id: string, kind: IdKind): number | undefined {
    const m = GUID.exec(id);
    if (!m) return undefined;
    const permuted = parseInt(m[1]! + m[2]! + m[3]!, 16);
    let left = Math.floor(permuted / HALF);
    let right = permuted % HALF;
    for (let r = ROUNDS - 1; r >= 0; r--) {
      const previous = (right ^ (hash32(left, this.keys[r]!) & MASK26)) >>> 0;
      right = left;
      left = previous;
    }
    // An id of this kind is kind·2^48 + index with 0 ≤ index < 2^48.
    const index = left * HALF + right - kind * KIND_SHIFT;
    if (index < 0 || index >= KIND_SHIFT) return undefined;
    this.writeKey(permuted, SCRATCH);
    for (let i = 0; i < ID_LENGTH; i++) if (SCRATCH[i] !== id.charCodeAt(i)) return undefined;
    return index;
  }
}

const DIGITS = '0123456789abcdef';
const HEX_CODES = Uint8Array.from(DIGITS, (c) => c.charCodeAt(0));
const ID_LENGTH = 36;
/** Where `encode` and `decode` write an id's bytes (one thread, never held across calls). */
const SCRATCH = Buffer.alloc(ID_LENGTH);
const DASH = 0x2d;
const FOUR = 0x34;
