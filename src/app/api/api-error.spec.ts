import { Code, ConnectError } from '@connectrpc/connect';
import { firstValueFrom } from 'rxjs';

import { ApiError, codeName, toApiError } from './api-error';
import { fromCall } from './rx';

describe('ApiError', () => {
  it('spells codes as gRPC does', () => {
    expect(codeName(Code.FailedPrecondition)).toBe('FAILED_PRECONDITION');
    expect(codeName(Code.NotFound)).toBe('NOT_FOUND');
    expect(codeName(Code.Unavailable)).toBe('UNAVAILABLE');
  });

  it("keeps the server's own reason, without Connect's code prefix", () => {
    const error = toApiError(
      new ConnectError(
        'The session transition is invalid: Cannot pause a session with status Closed',
        Code.FailedPrecondition,
      ),
    );
    expect(error.code).toBe(Code.FailedPrecondition);
    expect(error.reason).toBe(
      'The session transition is invalid: Cannot pause a session with status Closed',
    );
  });

  it('says "not found" once: the category prefix that repeats the rest is dropped', () => {
    const error = toApiError(
      new ConnectError("Session was not found: Session 'abc' not found.", Code.NotFound),
    );
    expect(error.reason).toBe("Session 'abc' not found.");
    // A prefix that adds information stays.
    expect(
      toApiError(
        new ConnectError(
          "Result was not found: Result 'r' is not a result of session s.",
          Code.NotFound,
        ),
      ).reason,
    ).toBe("Result was not found: Result 'r' is not a result of session s.");
  });

  it('turns any thrown value into an ApiError', () => {
    expect(toApiError(new TypeError('Failed to fetch'))).toBeInstanceOf(ApiError);
  });
});

describe('fromCall', () => {
  it('aborts the request when the subscriber leaves (a newer refresh replaced it)', () => {
    let seen: AbortSignal | undefined;
    const subscription = fromCall((signal) => {
      seen = signal;
      return new Promise<never>(() => undefined);
    }).subscribe();
    expect(seen?.aborted).toBe(false);
    subscription.unsubscribe();
    expect(seen?.aborted).toBe(true);
  });

  it('fails with an ApiError carrying the code', async () => {
    const call = fromCall(() =>
      Promise.reject(new ConnectError('Session x not found', Code.NotFound)),
    );
    await expect(firstValueFrom(call)).rejects.toMatchObject({
      code: Code.NotFound,
      reason: 'Session x not found',
    });
  });
});
