/**
 * At most `width` calls in flight (a browser opens about 6 connections per origin, and the
 * cluster is not asked for more at once): calls beyond wait their turn, in order.
 */
export function limiter(width = 6): <T>(call: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (call) => {
    // A finished call hands its slot straight to the next waiting one (no gap to slip into).
    if (active >= width) await new Promise<void>((resume) => waiting.push(resume));
    else active++;
    try {
      return await call();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

type Calls = Record<string, (...args: never[]) => Promise<unknown>>;

/** The same reader, every call of it through one limiter. */
export function limited<R extends Calls>(reader: R, width = 6): R {
  const run = limiter(width);
  const wrapped: Record<string, unknown> = {};
  for (const [name, call] of Object.entries(reader))
    wrapped[name] = (...args: never[]) => run(() => call(...args));
  return wrapped as R;
}
