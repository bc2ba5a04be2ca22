import type { Interceptor } from '@connectrpc/connect';
import { type Limits, LIMIT_FLAGS, overLimit } from '../limits';

/** Field names holding ids (`session_id`, `task_ids`, partition `id`, …) get the tighter bound. */
const ID_FIELD = /^(id|.*Ids?)$/;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Refuses, before any handler runs, a request holding a string longer than the limits allow:
 * ids (GUIDs are 36 characters) and every other string (filter values, names, options). The
 * message names the field and the limit but never echoes the value, so a 1 MB id costs one
 * short INVALID_ARGUMENT instead of a 1 MB grpc-message header.
 */
export function requestBoundsInterceptor(limits: Limits): Interceptor {
  return (next) => async (req) => {
    if (req.stream === false) checkStrings(req.message, '', limits);
    return next(req);
  };
}

export function checkStrings(value: unknown, path: string, limits: Limits, field = ''): void {
  if (typeof value === 'string') {
    const isId = ID_FIELD.test(field);
    const max = isId ? limits.maxIdLength : limits.maxStringLength;
    if (value.length > max) {
      const limit = isId ? 'maxIdLength' : 'maxStringLength';
      throw overLimit(
        `${path || 'request'} is ${value.length} characters long; the limit for ` +
          `${isId ? 'ids' : 'strings'} is ${max} (--${LIMIT_FLAGS[limit]}).`,
      );
    }
    return;
  }
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkStrings(value[i], `${path}[${i}]`, limits, field);
    return;
  }
  const record = value as Record<string, unknown>;
  // A oneof member ({ case, value }) is named after its case.
  if (isOneof(record)) {
    const name = snake(record.case);
    checkStrings(record.value, path ? `${path}.${name}` : name, limits, record.case);
    return;
  }
  const isMessage = '$typeName' in record;
  for (const key of Object.keys(record)) {
    if (key === '$typeName' || key === '$unknown') continue;
    if (!isMessage) {
      // A map field: its keys are strings too (option keys).
      checkStrings(key, `${path}{key}`, limits);
      checkStrings(record[key], `${path}["${key.slice(0, 32)}"]`, limits);
      continue;
    }
    const child = record[key];
    if (isOneof(child)) {
      // The oneof itself is no field on the wire: its member is named where it sits.
      checkStrings(child, path, limits);
      continue;
    }
    const name = snake(key);
    checkStrings(child, path ? `${path}.${name}` : name, limits, key);
  }
}

function isOneof(value: unknown): value is { case: string; value: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !('$typeName' in value) &&
    typeof (value as { case?: unknown }).case === 'string'
  );
}
