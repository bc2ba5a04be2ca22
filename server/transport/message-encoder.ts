import {
  type DescField,
  type DescMessage,
  type Message,
  ScalarType,
  protoInt64,
  toBinary,
} from '@bufbuild/protobuf';
import { Edition, FeatureSet_FieldPresence } from '@bufbuild/protobuf/wkt';

/**
 * Protobuf binary encoding of the direct unary path's answers, framed for gRPC in the same pass.
 *
 * protobuf-es's `toBinary` runs one shared closure per field kind, so every property read in it
 * (`message[localName]`) sees every field of every message and V8 cannot cache one shape: 100
 * task summaries took 1.2 ms and 100 sessions 0.56 ms, a fifth of the server's CPU under the
 * load mix (server/README.md, "Answer encoding"). Here each message type gets its own function,
 * generated once from its descriptor with the field names written out, so each read has one
 * shape. Same bytes as `toBinary`, checked over every message type of the API
 * (message-encoder.spec.ts); a type this does not cover (proto2 or editions files, groups,
 * wrapper or Struct fields, none in the ArmoniK API) is encoded by `toBinary`.
 *
 * The generated code holds no data from outside: only field numbers, precomputed tag bytes and
 * property names from the compiled descriptors, each written as a JSON string literal.
 */

type Encode = (w: Writer, m: unknown) => void;

const ENVELOPE_HEADER = 5;
/** A scratch buffer bigger than this is dropped after use rather than kept for the next call. */
const KEEP_BYTES = 1 << 20;
const INITIAL_BYTES = 64 * 1024;

class Writer {
  buf = Buffer.allocUnsafe(INITIAL_BYTES);
  view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  pos = 0;

  reset(): void {
    this.buf = Buffer.allocUnsafe(INITIAL_BYTES);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }
  varint32(value: number): void {
    this.ensure(5);
    const buf = this.buf;
    let pos = this.pos;
    let v = value >>> 0;
    while (v > 0x7f) {
      buf[pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[pos++] = v;
    this.pos = pos;
  }
  /** A 64-bit varint from its two's-complement halves. */
  varint64(lo: number, hi: number): void {
    this.ensure(10);
    let l = lo >>> 0;
    let h = hi >>> 0;
    while (h !== 0 || l > 0x7f) {
      this.buf[this.pos++] = (l & 0x7f) | 0x80;
      l = ((l >>> 7) | (h << 25)) >>> 0;
      h >>>= 7;
    }
    this.buf[this.pos++] = l;
  }
  int32(value: number): void {
    if ((value | 0) !== value) throw invalid('int32', value);
    if (value >= 0) this.varint32(value);
    else this.varint64(value, -1);
  }
  uint32(value: number): void {
    if (value >>> 0 !== value) throw invalid('uint32', value);
    this.varint32(value);
  }
  sint32(value: number): void {
    if ((value | 0) !== value) throw invalid('sint32', value);
    this.varint32((value << 1) ^ (value >> 31));
  }
  int64(value: unknown): void {
    // Timestamps' seconds and most counts: a non-negative bigint under 2^32, without BigInt maths.
    const n = Number(value);
    if (n >= 0 && n <= 0xffffffff && Number.isInteger(n)) return this.varint32(n);
    const { lo, hi } = protoInt64.enc(value as bigint);
    this.varint64(lo, hi);
  }
  uint64(value: unknown): void {
    const { lo, hi } = protoInt64.uEnc(value as bigint);
    this.varint64(lo, hi);
  }
  sint64(value: unknown): void {
    const { lo, hi } = protoInt64.enc(value as bigint);
    const sign = hi >> 31;
    this.varint64((lo << 1) ^ sign, ((hi << 1) | (lo >>> 31)) ^ sign);
  }
  fixed64(value: unknown, signed: boolean): void {
    const { lo, hi } = signed ? protoInt64.enc(value as bigint) : protoInt64.uEnc(value as bigint);
    this.ensure(8);
    this.view.setInt32(this.pos, lo, true);
    this.view.setInt32(this.pos + 4, hi, true);
    this.pos += 8;
  }
  fixed32(value: number, signed: boolean): void {
    if ((signed ? value | 0 : value >>> 0) !== value) throw invalid('fixed32', value);
    this.ensure(4);
    if (signed) this.view.setInt32(this.pos, value, true);
    else this.view.setUint32(this.pos, value, true);
    this.pos += 4;
  }
  float(value: number): void {
    if (Number.isFinite(value) && Math.abs(value) > FLOAT32_MAX) throw invalid('float', value);
    this.ensure(4);
    this.view.setFloat32(this.pos, value, true);
    this.pos += 4;
  }
  double(value: number): void {
    this.ensure(8);
    this.view.setFloat64(this.pos, value, true);
    this.pos += 8;
  }
  string(value: string): void {
    // Up to 42 UTF-16 units make at most 126 bytes: a one-byte length, written after the text.
    if (value.length <= 42) {
      this.ensure(1 + value.length * 3);
      const buf = this.buf;
      const start = this.pos + 1;
      let pos = start;
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (c >= 0x80) {
          pos = start + buf.write(value, start);
          break;
        }
        buf[pos++] = c;
      }
      buf[start - 1] = pos - start;
      this.pos = pos;
      return;
    }
    const length = Buffer.byteLength(value, 'utf8');
    this.varint32(length);
    this.ensure(length);
    this.pos += this.buf.write(value, this.pos);
  }
  bytes(value: Uint8Array): void {
    this.varint32(value.length);
    this.ensure(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;
  }
  /** Starts a length-delimited part; `join` writes its length in front of it. */
  fork(): number {
    this.ensure(1);
    return ++this.pos;
  }
  join(start: number): void {
    const length = this.pos - start;
    if (length < 0x80) {
      this.buf[start - 1] = length;
      return;
    }
    let prefix = 1;
    while (length >= 2 ** (7 * prefix)) prefix++;
    this.ensure(prefix - 1);
    this.buf.copyWithin(start + prefix - 1, start, this.pos);
    this.pos = start - 1;
    this.varint32(length);
    this.pos += length;
  }
}

const FLOAT32_MAX = 3.4028234663852886e38;

/** A value protobuf-es's writer would refuse too (a 32-bit field out of range, say). */
function invalid(type: string, value: unknown): Error {
  return new Error(`cannot encode ${String(value)} as ${type}`);
}

const writer = new Writer();

/**
 * The message as a gRPC frame (flag 0, big-endian length, message bytes), in one buffer of its
 * own: the bytes `encodeEnvelope(0, toBinary(desc, message))` gives.
 */
export function encodeFramed(desc: DescMessage, message: Message): Uint8Array {
  const encode = encoderFor(desc);
  if (encode === undefined) {
    const body = toBinary(desc, message);
    const framed = new Uint8Array(ENVELOPE_HEADER + body.length);
    new DataView(framed.buffer).setUint32(1, body.length);
    framed.set(body, ENVELOPE_HEADER);
    return framed;
  }
  writer.pos = ENVELOPE_HEADER;
  try {
    encode(writer, message);
    const framed = new Uint8Array(writer.pos);
    framed.set(writer.buf.subarray(0, writer.pos));
    framed[0] = 0;
    new DataView(framed.buffer).setUint32(1, writer.pos - ENVELOPE_HEADER);
    return framed;
  } finally {
    if (writer.buf.length > KEEP_BYTES) writer.reset();
  }
}

/** The message's bytes alone (no frame): what `toBinary` gives. */
export function encodeMessage(desc: DescMessage, message: Message): Uint8Array {
  return encodeFramed(desc, message).subarray(ENVELOPE_HEADER);
}

const compiled = new WeakMap<DescMessage, Encode | null>();

/** The generated encoder of a message type, or undefined when `toBinary` must do it. */
export function encoderFor(desc: DescMessage): Encode | undefined {
  if (!compiled.has(desc)) compileAll(desc);
  return compiled.get(desc) ?? undefined;
}

/**
 * Generates one function per message type reachable from `desc`, in one scope so that they call
 * each other directly. Every type must be supported, or none is compiled.
 */
function compileAll(root: DescMessage): void {
  const order: DescMessage[] = [];
  const index = new Map<DescMessage, number>();
  const visit = (desc: DescMessage): boolean => {
    if (index.has(desc)) return true;
    if (!supported(desc)) return false;
    index.set(desc, order.length);
    order.push(desc);
    return desc.fields.every((f) => f.message === undefined || visit(f.message));
  };
  if (!visit(root)) {
    compiled.set(root, null);
    return;
  }
  const bodies = order.map(
    (desc, i) => `function e${i}(w, m) {\n${fieldsCode(desc, index).join('\n')}\n}`,
  );
  const source = `${bodies.join('\n')}\nreturn [${order.map((_, i) => `e${i}`).join(', ')}];`;
  // Generated from the compiled descriptors only (see the header comment), once per type.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const encoders = (new Function(source) as () => Encode[])();
  order.forEach((desc, i) => {
    if (!compiled.has(desc)) compiled.set(desc, encoders[i]!);
  });
}

const WRAPPERS_AND_JSON = /^google\.protobuf\.(\w+Value|Struct|ListValue)$/;

function supported(desc: DescMessage): boolean {
  return (
    desc.file.edition === Edition.EDITION_PROTO3 &&
    !WRAPPERS_AND_JSON.test(desc.typeName) &&
    desc.fields.every(
      (f) =>
        !('delimitedEncoding' in f && f.delimitedEncoding) &&
        !WRAPPERS_AND_JSON.test(f.message?.typeName ?? ''),
    )
  );
}

const enum Wire {
  Varint = 0,
  Bit64 = 1,
  Delimited = 2,
  Bit32 = 5,
}

function wireOf(type: ScalarType): Wire {
  switch (type) {
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return Wire.Delimited;
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return Wire.Bit64;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return Wire.Bit32;
    default:
      return Wire.Varint;
  }
}

/** A statement writing the field's tag. */
function tag(fieldNo: number, wire: Wire): string {
  return `w.varint32(${((fieldNo << 3) | wire) >>> 0});`;
}

/** The writer's call for each scalar type, `#` standing for the value. */
const WRITE_CALL: Record<ScalarType, string> = {
  [ScalarType.STRING]: 'string(#)',
  [ScalarType.BYTES]: 'bytes(#)',
  [ScalarType.BOOL]: 'varint32(# ? 1 : 0)',
  [ScalarType.INT32]: 'int32(#)',
  [ScalarType.UINT32]: 'uint32(#)',
  [ScalarType.SINT32]: 'sint32(#)',
  [ScalarType.FIXED32]: 'fixed32(#, false)',
  [ScalarType.SFIXED32]: 'fixed32(#, true)',
  [ScalarType.FLOAT]: 'float(#)',
  [ScalarType.DOUBLE]: 'double(#)',
  [ScalarType.INT64]: 'int64(#)',
  [ScalarType.UINT64]: 'uint64(#)',
  [ScalarType.SINT64]: 'sint64(#)',
  [ScalarType.FIXED64]: 'fixed64(#, false)',
  [ScalarType.SFIXED64]: 'fixed64(#, true)',
};

/** A statement writing the bare scalar `v` (no tag). */
function scalarCode(type: ScalarType, v: string): string {
  return `w.${WRITE_CALL[type].replace('#', () => v)};`;
}

/** The condition under which an implicit-presence value is written (not its zero value). */
function notZero(type: ScalarType | 'enum', v: string): string {
  switch (type) {
    case 'enum':
      return `${v} !== 0`;
    case ScalarType.STRING:
      return `${v} !== ""`;
    case ScalarType.BOOL:
      return `${v} !== false`;
    case ScalarType.BYTES:
      return `${v}.length > 0`;
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return `!Object.is(${v}, 0)`;
    default:
      // Loose, as protobuf-es: 0, 0n and "0" are all zero.
      return `${v} != 0`;
  }
}

function messageCode(fieldNo: number, fn: number, v: string): string {
  return `{ ${tag(fieldNo, Wire.Delimited)} const s = w.fork(); e${fn}(w, ${v}); w.join(s); }`;
}

/** The map key, which protobuf-es holds as an object key (a string), as its scalar. */
function mapKey(type: ScalarType, k: string): string {
  switch (type) {
    case ScalarType.STRING:
      return k;
    case ScalarType.BOOL:
      return `(${k} === "true")`;
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return `BigInt(${k})`;
    default:
      return `Number.parseInt(${k})`;
  }
}

/** The statements encoding the message `m`'s fields, in field-number order as protobuf-es. */
function fieldsCode(desc: DescMessage, index: Map<DescMessage, number>): string[] {
  const fields = [...desc.fields].sort((a, b) => a.number - b.number);
  return fields.map((f) => `  ${fieldCode(f, index)}`);
}

function fieldCode(f: DescField, index: Map<DescMessage, number>): string {
  const get = `m[${JSON.stringify(f.localName)}]`;
  switch (f.fieldKind) {
    case 'scalar':
    case 'enum': {
      const type = f.fieldKind === 'enum' ? ScalarType.INT32 : f.scalar;
      const write = `${tag(f.number, wireOf(type))} ${scalarCode(type, 'v')}`;
      if (f.oneof) return oneofCode(f, write);
      const present =
        f.presence === FeatureSet_FieldPresence.IMPLICIT
          ? notZero(f.fieldKind === 'enum' ? 'enum' : f.scalar, 'v')
          : 'v !== undefined';
      return `{ const v = ${get}; if (${present}) { ${write} } }`;
    }
    case 'message': {
      const write = messageCode(f.number, index.get(f.message)!, 'v');
      if (f.oneof) return oneofCode(f, write);
      return `{ const v = ${get}; if (v !== undefined) ${write} }`;
    }
    case 'list': {
      if (f.listKind === 'message') {
        return `{ const l = ${get}; for (let i = 0; i < l.length; i++) ${messageCode(f.number, index.get(f.message)!, 'l[i]')} }`;
      }
      const type = f.listKind === 'enum' ? ScalarType.INT32 : f.scalar;
      if (f.packed) {
        return `{ const l = ${get}; if (l.length > 0) { ${tag(f.number, Wire.Delimited)} const s = w.fork(); for (let i = 0; i < l.length; i++) { ${scalarCode(type, 'l[i]')} } w.join(s); } }`;
      }
      return `{ const l = ${get}; for (let i = 0; i < l.length; i++) { ${tag(f.number, wireOf(type))} ${scalarCode(type, 'l[i]')} } }`;
    }
    case 'map': {
      const key = `${tag(1, wireOf(f.mapKey))} ${scalarCode(f.mapKey, mapKey(f.mapKey, 'k'))}`;
      const value =
        f.mapKind === 'message'
          ? messageCode(2, index.get(f.message)!, 'r[k]')
          : `${tag(2, wireOf(f.mapKind === 'enum' ? ScalarType.INT32 : f.scalar))} ${scalarCode(f.mapKind === 'enum' ? ScalarType.INT32 : f.scalar, 'r[k]')}`;
      return `{ const r = ${get}; for (const k of Object.keys(r)) { ${tag(f.number, Wire.Delimited)} const s = w.fork(); ${key} ${value} w.join(s); } }`;
    }
  }
}

function oneofCode(f: DescField, write: string): string {
  const group = `m[${JSON.stringify(f.oneof!.localName)}]`;
  return `{ const o = ${group}; if (o.case === ${JSON.stringify(f.localName)}) { const v = o.value; ${write} } }`;
}
