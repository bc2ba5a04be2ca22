/**
 * The value a test goes on with, or a failure that names what was missing. A missing row, call or
 * stream fails the test at the line that expected it, not as a TypeError further down (which is
 * all a non-null assertion would give).
 */
export function defined<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === undefined || value === null)
    throw new Error(`Expected ${what}, got ${String(value)}`);
  return value;
}
