/** Interns repeated strings (error messages, result names) so a row stores a small integer. */
export class StringTable {
  private readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  intern(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  /** The string at i; -1 (no value) reads as the empty string. */
  get(i: number): string {
    return i < 0 ? '' : this.values[i]!;
  }
}
