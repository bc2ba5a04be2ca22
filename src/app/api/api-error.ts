import { Code, ConnectError } from '@connectrpc/connect';

/**
 * The one error type the console handles: the gRPC status code and the server's own words,
 * so that screens can say plainly what went wrong ("session is Closed", not "Error").
 */
export class ApiError extends Error {
  constructor(
    readonly code: Code,
    /** The server's message, untouched; render it as text only. */
    readonly reason: string,
  ) {
    super(`${codeName(code)}: ${reason}`);
    this.name = 'ApiError';
  }

  /** `NOT_FOUND`, `FAILED_PRECONDITION`, … as gRPC spells them; also the i18n key suffix. */
  get codeName(): string {
    return codeName(this.code);
  }
}

export function codeName(code: Code): string {
  // Code is a numeric enum: its reverse mapping gives "NotFound"; gRPC spells it NOT_FOUND.
  const pascal = Code[code] ?? 'Unknown';
  return pascal.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const connectError = ConnectError.from(error);
  return new ApiError(connectError.code, withoutEcho(connectError.rawMessage));
}

/**
 * ArmoniK's control plane prefixes some messages with their category ("Session was not found:
 * Session 'x' not found."); shown after the code's own name ("Not found"), that says the same
 * thing three times. The prefix is dropped when the rest already says it; nothing else changes.
 */
export function withoutEcho(message: string): string {
  const [, category, rest] = /^(\w+) was not found: (.*\bnot found\b.*)$/is.exec(message) ?? [];
  return category && rest?.toLowerCase().startsWith(category.toLowerCase()) ? rest : message;
}
