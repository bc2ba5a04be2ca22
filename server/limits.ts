import { Code, ConnectError } from '@connectrpc/connect';

/**
 * What one client may ask of the control plane. Input bounds are refused with INVALID_ARGUMENT
 * (the request itself is wrong); quotas with RESOURCE_EXHAUSTED (the request is fine, the
 * server has no room). Every message names the limit and the flag that changes it.
 */
export interface Limits {
  /** Largest `page_size` of a List* call (ArmoniK.Core has none; one page must stay cheap). */
  readonly maxPageSize: number;
  /** Conditions in one Filters message, all AND-groups together. */
  readonly maxFilterConditions: number;
  /** Characters of an id field (`session_id`, `task_ids[]`, partition `id`, …). */
  readonly maxIdLength: number;
  /** Characters of any other string (filter values, names, option keys and values). */
  readonly maxStringLength: number;
  /** Results (CreateResultsMetaData, CreateResults) or task creations (SubmitTasks) per call. */
  readonly maxItemsPerCall: number;
  /** Bytes of client-uploaded result data held at once (CreateResults). */
  readonly maxResultDataBytes: number;
  /** Live sessions created by clients (CreateSession refuses beyond; seeded ones do not count). */
  readonly maxSessions: number;
  /** Task and result rows clients may create over the process's life (rows are never freed). */
  readonly maxCreatedRows: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxPageSize: 10_000,
  maxFilterConditions: 200,
  maxIdLength: 128,
  maxStringLength: 1_024,
  maxItemsPerCall: 10_000,
  maxResultDataBytes: 128 * 1024 * 1024,
  maxSessions: 10_000,
  maxCreatedRows: 1_000_000,
};

/** The command-line flag of each limit (cli-args.ts parses them; messages point at them). */
export const LIMIT_FLAGS: Readonly<Record<keyof Limits, string>> = {
  maxPageSize: 'max-page-size',
  maxFilterConditions: 'max-filter-conditions',
  maxIdLength: 'max-id-length',
  maxStringLength: 'max-string-length',
  maxItemsPerCall: 'max-items-per-call',
  maxResultDataBytes: 'max-result-data',
  maxSessions: 'max-sessions',
  maxCreatedRows: 'max-created-rows',
};

export function resolveLimits(overrides: Partial<Limits> | undefined): Limits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/** An input bound was exceeded: the client's request is wrong. */
export function overLimit(message: string): ConnectError {
  return new ConnectError(message, Code.InvalidArgument);
}

/** A quota was exceeded: the server has no room for what was asked. */
export function quotaExceeded(what: string, limit: keyof Limits, value: number): ConnectError {
  return new ConnectError(
    `Quota exceeded: ${what} (limit ${value.toLocaleString('en-US')}, --${LIMIT_FLAGS[limit]}).`,
    Code.ResourceExhausted,
  );
}

const SHOWN_ID_CHARS = 64;

/** An id as error messages echo it: long ones are cut, so a message never grows with the input. */
export function shownId(id: string): string {
  return id.length <= SHOWN_ID_CHARS
    ? id
    : `${id.slice(0, SHOWN_ID_CHARS)}… (${id.length} characters)`;
}
