import en from './en.json';
import fr from './fr.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: unknown): string[] {
  return typeof text === 'string'
    ? [...text.matchAll(/{{\s*(\w+)\s*}}/g)].flatMap(([, name]) => (name ? [name] : [])).sort()
    : [];
}

function lookup(catalog: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalog);
}

describe('translation catalogs', () => {
  it('English and French define exactly the same keys', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it('every French text uses the same placeholders as its English one', () => {
    for (const key of keys(en)) {
      expect({ key, params: placeholders(lookup(fr, key)) }).toEqual({
        key,
        params: placeholders(lookup(en, key)),
      });
    }
  });

  it('no text is left empty', () => {
    for (const key of [...keys(en), ...keys(fr)]) {
      expect({ key, empty: lookup(en, key) === '' || lookup(fr, key) === '' }).toEqual({
        key,
        empty: false,
      });
    }
  });
});
