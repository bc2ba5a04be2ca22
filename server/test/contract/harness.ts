/**
 * Shared helpers of the API contract tests: start the embedded control plane, talk to it with
 * real gRPC clients (@grpc/grpc-js + our .proto files, as the ArmoniK SDKs do), promisify unary
 * calls, read server streams, build filters, compute expected listings independently, and
 * encode/decode the gRPC-web text form by hand (as ArmoniK's own Admin GUI sends it).
 *
 * Decoded messages follow @grpc/proto-loader with keepCase, longs as String, enums as String,
 * defaults and oneofs on: field names are the proto's snake_case names, int64 and
 * Timestamp/Duration seconds are strings, unset message fields are null.
 *
 * The helpers live in helpers/, one file per concern; this file re-exports them all.
 */
export * from './helpers/settings';
export * from './helpers/server';
export * from './helpers/messages';
export * from './helpers/native-clients';
export * from './helpers/calls';
export * from './helpers/time';
export * from './helpers/filters';
export * from './helpers/resources';
export * from './helpers/grpc-web';
export * from './helpers/raw-http1';
export * from './helpers/raw-http2';
