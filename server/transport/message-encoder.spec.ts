import {
  type DescField,
  type DescFile,
  type DescMessage,
  ScalarType,
  create,
  createFileRegistry,
  toBinary,
} from '@bufbuild/protobuf';
import {
  FieldDescriptorProto_Label as Label,
  FieldDescriptorProto_Type as Type,
  FileDescriptorProtoSchema,
  StructSchema,
  TimestampSchema,
} from '@bufbuild/protobuf/wkt';
import { encodeEnvelope } from '@connectrpc/connect/protocol';

import { file_armonik_api_grpc_v1_applications_service } from '../../proto/gen/armonik/api/grpc/v1/applications_service_pb';
import { file_armonik_api_grpc_v1_auth_service } from '../../proto/gen/armonik/api/grpc/v1/auth_service_pb';
import { file_armonik_api_grpc_v1_events_service } from '../../proto/gen/armonik/api/grpc/v1/events_service_pb';
import { file_armonik_api_grpc_v1_health_checks_service } from '../../proto/gen/armonik/api/grpc/v1/health_checks_service_pb';
import { file_armonik_api_grpc_v1_partitions_service } from '../../proto/gen/armonik/api/grpc/v1/partitions_service_pb';
import { file_armonik_api_grpc_v1_results_service } from '../../proto/gen/armonik/api/grpc/v1/results_service_pb';
import { file_armonik_api_grpc_v1_sessions_service } from '../../proto/gen/armonik/api/grpc/v1/sessions_service_pb';
import { file_armonik_api_grpc_v1_tasks_service } from '../../proto/gen/armonik/api/grpc/v1/tasks_service_pb';
import { file_armonik_api_grpc_v1_versions_service } from '../../proto/gen/armonik/api/grpc/v1/versions_service_pb';
import { Random } from '../store/random';
import { encodeFramed, encodeMessage, encoderFor } from './message-encoder';

/** Every message type of the API: the services' files and all they import. */
function apiMessages(): DescMessage[] {
  const files = new Set<DescFile>();
  const addFile = (file: DescFile) => {
    if (files.has(file)) return;
    files.add(file);
    file.dependencies.forEach(addFile);
  };
  [
    file_armonik_api_grpc_v1_applications_service,
    file_armonik_api_grpc_v1_auth_service,
    file_armonik_api_grpc_v1_events_service,
    file_armonik_api_grpc_v1_health_checks_service,
    file_armonik_api_grpc_v1_partitions_service,
    file_armonik_api_grpc_v1_results_service,
    file_armonik_api_grpc_v1_sessions_service,
    file_armonik_api_grpc_v1_tasks_service,
    file_armonik_api_grpc_v1_versions_service,
  ].forEach(addFile);
  const out: DescMessage[] = [];
  const addMessage = (m: DescMessage) => {
    out.push(m);
    m.nestedMessages.forEach(addMessage);
  };
  for (const file of files) file.messages.forEach(addMessage);
  return out;
}

/**
 * A test-only proto3 file with every scalar type singular, repeated (packed, and strings and
 * bytes, which cannot be), as map keys and values, in a oneof, as `optional`, an enum with a
 * negative value, a recursive message and a field number that needs a five-byte tag.
 */
function everythingSchema(): DescMessage {
  const scalars: [string, Type][] = [
    ['double', Type.DOUBLE],
    ['float', Type.FLOAT],
    ['int64', Type.INT64],
    ['uint64', Type.UINT64],
    ['int32', Type.INT32],
    ['fixed64', Type.FIXED64],
    ['fixed32', Type.FIXED32],
    ['bool', Type.BOOL],
    ['string', Type.STRING],
    ['bytes', Type.BYTES],
    ['uint32', Type.UINT32],
    ['sfixed32', Type.SFIXED32],
    ['sfixed64', Type.SFIXED64],
    ['sint32', Type.SINT32],
    ['sint64', Type.SINT64],
  ];
  const self = '.encoder.test.Everything';
  const mapKeys = scalars.filter(
    ([, t]) => t !== Type.DOUBLE && t !== Type.FLOAT && t !== Type.BYTES,
  );
  const entry = (name: string, key: Type, value: Type, typeName?: string) => ({
    name,
    options: { mapEntry: true },
    field: [
      { name: 'key', number: 1, label: Label.OPTIONAL, type: key },
      { name: 'value', number: 2, label: Label.OPTIONAL, type: value, typeName },
    ],
  });
  const mapField = (name: string, number: number, entryName: string) => ({
    name,
    number,
    label: Label.REPEATED,
    type: Type.MESSAGE,
    typeName: `${self}.${entryName}`,
  });
  const file = create(FileDescriptorProtoSchema, {
    name: 'encoder_test.proto',
    package: 'encoder.test',
    syntax: 'proto3',
    enumType: [
      {
        name: 'Colour',
        value: [
          { name: 'COLOUR_UNSPECIFIED', number: 0 },
          { name: 'COLOUR_RED', number: 1 },
          { name: 'COLOUR_BELOW', number: -3 },
        ],
      },
    ],
    messageType: [
      {
        name: 'Everything',
        oneofDecl: [{ name: 'choice' }, { name: '_maybe' }],
        nestedType: [
          ...mapKeys.map(([name, t]) => entry(`ByKey${name}Entry`, t, Type.STRING)),
          entry('MessagesEntry', Type.STRING, Type.MESSAGE, self),
          entry('ColoursEntry', Type.INT64, Type.ENUM, '.encoder.test.Colour'),
          entry('BlobsEntry', Type.UINT32, Type.BYTES),
          entry('DoublesEntry', Type.BOOL, Type.DOUBLE),
        ],
        field: [
          ...scalars.map(([name, type], i) => ({
            name: `one_${name}`,
            number: i + 1,
            label: Label.OPTIONAL,
            type,
          })),
          ...scalars.map(([name, type], i) => ({
            name: `many_${name}`,
            number: i + 20,
            label: Label.REPEATED,
            type,
          })),
          ...mapKeys.map(([name], i) => mapField(`by_key_${name}`, i + 40, `ByKey${name}Entry`)),
          mapField('messages', 60, 'MessagesEntry'),
          mapField('colours', 61, 'ColoursEntry'),
          mapField('blobs', 62, 'BlobsEntry'),
          mapField('doubles', 63, 'DoublesEntry'),
          {
            name: 'colour',
            number: 70,
            label: Label.OPTIONAL,
            type: Type.ENUM,
            typeName: '.encoder.test.Colour',
          },
          {
            name: 'many_colours',
            number: 71,
            label: Label.REPEATED,
            type: Type.ENUM,
            typeName: '.encoder.test.Colour',
          },
          { name: 'child', number: 72, label: Label.OPTIONAL, type: Type.MESSAGE, typeName: self },
          {
            name: 'children',
            number: 73,
            label: Label.REPEATED,
            type: Type.MESSAGE,
            typeName: self,
          },
          {
            name: 'when',
            number: 74,
            label: Label.OPTIONAL,
            type: Type.MESSAGE,
            typeName: '.google.protobuf.Timestamp',
          },
          {
            name: 'pick_text',
            number: 80,
            label: Label.OPTIONAL,
            type: Type.STRING,
            oneofIndex: 0,
          },
          {
            name: 'pick_child',
            number: 81,
            label: Label.OPTIONAL,
            type: Type.MESSAGE,
            typeName: self,
            oneofIndex: 0,
          },
          {
            name: 'pick_number',
            number: 82,
            label: Label.OPTIONAL,
            type: Type.SINT64,
            oneofIndex: 0,
          },
          {
            name: 'maybe',
            number: 90,
            label: Label.OPTIONAL,
            type: Type.INT32,
            oneofIndex: 1,
            proto3Optional: true,
          },
          { name: 'far', number: 536870911, label: Label.OPTIONAL, type: Type.STRING },
        ],
      },
    ],
    dependency: ['google/protobuf/timestamp.proto'],
  });
  const registry = createFileRegistry(file, (name) =>
    name === 'google/protobuf/timestamp.proto' ? TimestampSchema.file : undefined,
  );
  return registry.getMessage('encoder.test.Everything')!;
}

const STRINGS = [
  '',
  'a',
  'dbc9cf54-947d-4c3d-92eb-d98bb300ac6f',
  'x'.repeat(42),
  'x'.repeat(43),
  'é'.repeat(42),
  'é'.repeat(64),
  'naïve ☃ 🚀',
  '\ud800 lone surrogate',
  '🚀'.repeat(21),
  'y'.repeat(200),
];

function scalarValue(type: ScalarType, r: Random): unknown {
  const big = (bits: number, signed: boolean): bigint => {
    const edges = signed
      ? [
          0n,
          1n,
          -1n,
          2n ** 31n,
          -(2n ** 31n) - 1n,
          2n ** 32n,
          2n ** 53n + 1n,
          2n ** 63n - 1n,
          -(2n ** 63n),
        ]
      : [0n, 1n, 127n, 128n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n + 1n, 2n ** 64n - 1n];
    if (r.chance(0.5)) return r.pick(edges);
    const v = BigInt(r.uint32()) * 2n ** 32n + BigInt(r.uint32());
    return signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
  };
  switch (type) {
    case ScalarType.DOUBLE:
      return r.pick([0, -0, 1.5, -2.25e300, Number.NaN, Infinity, -Infinity, r.normal() * 1e6]);
    case ScalarType.FLOAT:
      return r.pick([0, -0, 1.5, -3.4e38, Number.NaN, -Infinity, Math.fround(r.normal() * 1e3)]);
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return r.pick([0, 1, -1, 127, 128, 2 ** 31 - 1, -(2 ** 31), r.uint32() | 0]);
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return r.pick([0, 1, 127, 128, 16_383, 16_384, 2 ** 32 - 1, r.uint32()]);
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return big(64, true);
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return big(64, false);
    case ScalarType.BOOL:
      return r.chance(0.5);
    case ScalarType.STRING:
      return r.pick(STRINGS);
    case ScalarType.BYTES:
      return Uint8Array.from({ length: r.pick([0, 1, 3, 130]) }, (_, i) => (i * 31) & 0xff);
  }
}

/** A map key as protobuf-es holds it: the key's text. */
function mapKeyText(type: ScalarType, r: Random): string {
  return String(scalarValue(type, r));
}

/** An init object for `create(desc, …)`: each field set or not, nesting cut at `depth`. */
function randomInit(desc: DescMessage, r: Random, depth: number): Record<string, unknown> {
  const init: Record<string, unknown> = {};
  const count = () => (r.chance(0.3) ? 0 : r.int(1, 4));
  const enumValue = (f: DescField & { enum?: { values: { number: number }[] } }) =>
    r.chance(0.1) ? 12_345 : r.pick(f.enum!.values).number;
  const messageValue = (m: DescMessage) =>
    m.typeName === StructSchema.typeName
      ? {}
      : depth > 0 && r.chance(0.7)
        ? randomInit(m, r, depth - 1)
        : {};
  for (const f of desc.fields) {
    if (r.chance(0.25)) continue;
    let value: unknown;
    switch (f.fieldKind) {
      case 'scalar':
        value = scalarValue(f.scalar, r);
        break;
      case 'enum':
        value = enumValue(f);
        break;
      case 'message':
        if (f.message === desc && depth === 0) continue;
        value = messageValue(f.message);
        break;
      case 'list':
        value = Array.from({ length: count() }, () =>
          f.listKind === 'scalar'
            ? scalarValue(f.scalar, r)
            : f.listKind === 'enum'
              ? enumValue(f)
              : messageValue(f.message),
        );
        if (f.listKind === 'message' && f.message === desc && depth === 0) value = [];
        break;
      case 'map': {
        const record: Record<string, unknown> = {};
        for (let i = count(); i > 0; i--) {
          record[mapKeyText(f.mapKey, r)] =
            f.mapKind === 'scalar'
              ? scalarValue(f.scalar, r)
              : f.mapKind === 'enum'
                ? enumValue(f)
                : depth > 0
                  ? create(f.message, randomInit(f.message, r, depth - 1))
                  : create(f.message);
        }
        value = record;
        break;
      }
    }
    if (f.oneof) {
      if (init[f.oneof.localName] === undefined || r.chance(0.5)) {
        init[f.oneof.localName] = { case: f.localName, value };
      }
    } else {
      init[f.localName] = value;
    }
  }
  return init;
}

/** Byte equality; on a difference, the first differing offset and the bytes around it. */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  if (a.equals(b)) return;
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const around = (x: Buffer) => x.subarray(Math.max(0, at - 8), at + 8).toString('hex');
  expect({ length: a.length, at, bytes: around(a) }).toEqual({
    length: b.length,
    at,
    bytes: around(b),
  });
}

const sameBytes = (desc: DescMessage, init: Record<string, unknown>) => {
  const message = create(desc, init);
  expectSameBytes(encodeMessage(desc, message), toBinary(desc, message));
};

describe('the generated message encoder', () => {
  const messages = apiMessages();

  it('covers every message type of the API (none falls back to toBinary)', () => {
    expect(messages.length).toBeGreaterThan(100);
    const notCovered = messages.filter((m) => encoderFor(m) === undefined).map((m) => m.typeName);
    expect(notCovered).toEqual([]);
  });

  it.each(messages.map((m) => [m.typeName, m] as const))(
    'gives the bytes toBinary gives for %s, empty and in 40 random fillings',
    (_, desc) => {
      const r = new Random(7, desc.typeName.length);
      sameBytes(desc, {});
      for (let i = 0; i < 40; i++) sameBytes(desc, randomInit(desc, r, 2));
    },
  );

  it('gives the bytes toBinary gives for every scalar, list, map, oneof and optional form', () => {
    const desc = everythingSchema();
    expect(encoderFor(desc)).toBeDefined();
    const r = new Random(11);
    sameBytes(desc, {});
    sameBytes(desc, { maybe: 0, oneDouble: -0, pickText: undefined });
    for (let i = 0; i < 300; i++) sameBytes(desc, randomInit(desc, r, 2));
  });

  it('writes lengths of two, three and four bytes in front of nested parts and strings', () => {
    const desc = everythingSchema();
    const r = new Random(13);
    for (const size of [127, 128, 16_383, 16_384, 2_097_152]) {
      sameBytes(desc, {
        child: { oneString: 'z'.repeat(size), child: { oneBytes: new Uint8Array(size) } },
        children: [{ manyString: ['é'.repeat(size >> 1)] }, randomInit(desc, r, 1)],
        messages: { k: create(desc, { oneString: 'q'.repeat(size) }) },
      });
    }
  });

  it('frames the message as encodeEnvelope does, and leaves no trace in the next answer', () => {
    const desc = everythingSchema();
    const big = create(desc, { oneString: 'z'.repeat(3_000_000), manyInt32: [1, 2, 3] });
    const small = create(desc, { oneInt32: 5 });
    expectSameBytes(encodeFramed(desc, big), encodeEnvelope(0, toBinary(desc, big)));
    // The scratch buffer grew past what is kept; the next answer is still exactly its own.
    expectSameBytes(encodeFramed(desc, small), encodeEnvelope(0, toBinary(desc, small)));
  });

  it('leaves Struct fields (a JSON representation in protobuf-es) to toBinary, with the same bytes', () => {
    expect(encoderFor(StructSchema)).toBeUndefined();
    const value = create(StructSchema, {
      fields: { a: { kind: { case: 'numberValue', value: 1 } } },
    });
    expectSameBytes(encodeMessage(StructSchema, value), toBinary(StructSchema, value));
  });

  it.each([
    ['an int64 that is no number', { oneInt64: 'not a number' }],
    ['an int32 out of range', { oneInt32: 2 ** 31 }],
    ['a fraction as sint32', { oneSint32: 1.5 }],
    ['a negative uint32', { manyUint32: [-1] }],
    ['a fixed32 out of range', { oneFixed32: 2 ** 32 }],
    ['a float out of range', { oneFloat: -3.5e38 }],
  ])('refuses a value toBinary refuses: %s', (_, init) => {
    const desc = everythingSchema();
    const bad = create(desc, init as never);
    expect(() => toBinary(desc, bad)).toThrow();
    expect(() => encodeMessage(desc, bad)).toThrow();
  });
});
