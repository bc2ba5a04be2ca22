import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The rule behind issue 9 ("the dismiss button deletes sessions"): a bare `mat-dialog-close`
 * closes its dialog with `''`, which a caller filtering only `undefined` took for a choice.
 * Every close button names its value, and only dialog-result.ts reads `afterClosed()`, so that
 * a dialog's answer is either `confirmed(value)` or a dismissal.
 */
const APP = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `mat-dialog-close` / `matDialogClose` used as an attribute without a bound or given value. */
export function bareCloses(text: string): string[] {
  const found: string[] = [];
  const attribute = /(\[?)(mat-dialog-close|matDialogClose)(\]?)(\s*=\s*("[^"]*"|'[^']*'))?/g;
  for (const match of text.matchAll(attribute)) {
    const [whole, open, , close, assigned] = match;
    const before = text[match.index - 1] ?? ' ';
    const after = text[match.index + whole.length] ?? ' ';
    // Only template attributes: preceded by white space, followed by white space or `>`/`/`.
    if (!/\s/.test(before) || !/[\s>/]/.test(after)) continue;
    const bound = open === '[' && close === ']' && assigned !== undefined;
    if (!bound || /=\s*(""|'')$/.test(assigned)) found.push(whole);
  }
  return found;
}

describe('dialog close semantics', () => {
  const files = sources(APP).map((path) => ({
    path: relative(APP, path),
    text: readFileSync(path, 'utf8'),
  }));

  it('finds the console’s templates (the scan is not empty)', () => {
    expect(files.some((file) => file.path.endsWith('action.dialog.html'))).toBe(true);
  });

  it('recognises a bare close and accepts an explicit one', () => {
    expect(bareCloses('<button mat-button mat-dialog-close>x</button>')).toEqual([
      'mat-dialog-close',
    ]);
    expect(bareCloses('<button mat-dialog-close="" >x</button>')).toHaveLength(1);
    expect(bareCloses('<a\n  matDialogClose\n  href="">')).toHaveLength(1);
    expect(bareCloses('<button [mat-dialog-close]="">')).toHaveLength(1);
    expect(bareCloses('<button [mat-dialog-close]="dismissed">')).toEqual([]);
    expect(bareCloses('comment: a `mat-dialog-close` button')).toEqual([]);
  });

  it('no template has a mat-dialog-close without an explicit value', () => {
    const offenders = files
      .map((file) => ({ path: file.path, closes: bareCloses(file.text) }))
      .filter((file) => file.closes.length > 0);
    expect(offenders).toEqual([]);
  });

  it('only dialog-result.ts reads a dialog’s raw result', () => {
    const readers = files
      .filter((file) => /\.afterClosed\(\)/.test(file.text))
      .map((file) => file.path)
      // The test bed records both, to prove a dismissal is not a choice.
      .filter(
        (path) =>
          ![join('shared', 'dialog-result.ts'), join('shared', 'dialog-testing.ts')].includes(path),
      );
    expect(readers).toEqual([]);
  });
});
