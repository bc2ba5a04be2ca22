// Builds the text font the console ships: Roboto 400 and 500 from @fontsource/roboto, with the
// Latin face (the one every page downloads) re-cut by HarfBuzz to the same characters without
// hinting instructions, written to src/generated/fonts/ (git-ignored), which angular.json's styles
// reference. The other faces (Latin Extended, Cyrillic, Greek, Vietnamese, math, symbols) stay
// fontsource's files, each fetched only when a page shows one of its characters (unicode-range).
//
// Why: the Latin file is half hinting (TrueType instructions), which Chromium on Linux, macOS,
// Android and ChromeOS ignores and Google Fonts itself leaves out for those systems; the outlines,
// metrics and kerning are the same, so the look is. 22 kB → 12 kB per weight.
// The Latin face is then split in two by unicode-range: the core (ASCII, the characters
// of the console's own catalogs, the spaces Intl puts in numbers and dates), which every page
// needs, and the rest of Latin-1 and its punctuation, fetched only when a page shows one of them
// (a session option, say). 12 kB → 9 kB per weight on a first view (bench section 2).
//
// It fails (exit 1) — and so does the build that ran it — when the cut font draws any character of
// the face's range differently from the source font (compared outline by outline).
// Run by scripts/icon-font.mjs (the build's font step); does nothing when its inputs are unchanged.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as hb from 'harfbuzzjs';
import wawoff2 from 'wawoff2';

import { NO_HINTING, subset } from './hb-subset.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const FONTSOURCE = dirname(require.resolve('@fontsource/roboto/400.css'));
export const OUT_DIR = join(ROOT, 'src/generated/fonts');
const CSS_FILE = 'roboto.css';
const MANIFEST_FILE = 'fonts.json';
/** The weights the theme uses (body 400, titles and buttons 500). */
const WEIGHTS = [400, 500];
/** The face every page needs; the others load on demand and stay as they are. */
const CUT_FACE = 'latin';
/** Bump when the output format changes, so stale outputs are rebuilt. */
const FORMAT = 2;
/** The catalogs whose characters go into the core face. */
const CATALOGS = ['src/app/i18n/en.json', 'src/app/i18n/fr.json'].map((f) => join(ROOT, f));
/** What Intl writes in numbers and dates besides the catalogs' characters: the spaces. */
const INTL_SPACES = [0xa0, 0x2009, 0x202f];

const fail = (message) => {
  console.error(`text-font: ${message}`);
  process.exit(1);
};

/** `U+0000-00FF,U+0131` → every code point it names. */
function codepointsOf(unicodeRange) {
  const points = [];
  for (const part of unicodeRange.split(',')) {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
    for (let cp = parseInt(from, 16); cp <= parseInt(to, 16); cp++) points.push(cp);
  }
  return points;
}

/** Code points → the shortest unicode-range that names them (`U+20-7E,U+A0`). */
function rangeOf(codepoints) {
  const sorted = [...new Set(codepoints)].sort((a, b) => a - b);
  const hex = (cp) => cp.toString(16).toUpperCase();
  const parts = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `U+${hex(sorted[i])}-${hex(sorted[j])}` : `U+${hex(sorted[i])}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The Latin face's characters every page needs: ASCII, the catalogs', Intl's spaces. */
function coreOf(latin) {
  const inFace = new Set(latin);
  const core = new Set(INTL_SPACES);
  // With the control characters, which draw nothing (so cost nothing) but would otherwise make a
  // page that holds a tab or a line break fetch the rest.
  for (let cp = 0; cp <= 0x7e; cp++) core.add(cp);
  for (let cp = 0x7f; cp <= 0x9f; cp++) core.add(cp);
  for (const file of CATALOGS)
    for (const ch of readFileSync(file, 'utf8')) core.add(ch.codePointAt(0));
  return [...core].filter((cp) => inFace.has(cp));
}

const openFont = (bytes) => new hb.Font(new hb.Face(new hb.Blob(bytes)));

/** The glyph a character shapes to, alone (0 when the font has none). */
function glyphOf(font, cp) {
  const buffer = new hb.Buffer();
  buffer.addText(String.fromCodePoint(cp));
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  const [info] = buffer.getGlyphInfos();
  buffer.destroy?.();
  return info?.codepoint ?? 0;
}

/** Characters of the range the cut font does not draw exactly as the source font does. */
function differences(sourceTtf, cutTtf, codepoints) {
  const source = openFont(sourceTtf);
  const cut = openFont(cutTtf);
  const wrong = [];
  for (const cp of codepoints) {
    const from = glyphOf(source, cp);
    if (from === 0) continue; // not in the source font either: the browser falls back alike
    const to = glyphOf(cut, cp);
    if (to === 0 || cut.glyphToPath(to) !== source.glyphToPath(from)) wrong.push(cp);
  }
  return wrong;
}

/** fontsource's `@font-face` blocks of one weight: `{ name, css, range }`. */
function facesOf(weight) {
  const css = readFileSync(join(FONTSOURCE, `${weight}.css`), 'utf8');
  return [...css.matchAll(/\/\* (roboto-[\w-]+) \*\/\s*(@font-face\s*\{[^}]*\})/g)].map(
    ([, name, block]) => ({ name, block, range: /unicode-range:\s*([^;]+);/.exec(block)?.[1] }),
  );
}

export async function buildTextFont({ force = false, quiet = false } = {}) {
  const sources = WEIGHTS.map((w) =>
    join(FONTSOURCE, `files/roboto-${CUT_FACE}-${w}-normal.woff2`),
  );
  const hash = createHash('sha256').update(JSON.stringify({ FORMAT, WEIGHTS, CUT_FACE }));
  for (const file of [
    ...sources,
    ...CATALOGS,
    ...WEIGHTS.map((w) => join(FONTSOURCE, `${w}.css`)),
  ]) {
    hash.update(readFileSync(file));
  }
  const key = hash.digest('hex');
  const manifestPath = join(OUT_DIR, MANIFEST_FILE);
  if (!force && existsSync(join(OUT_DIR, CSS_FILE)) && existsSync(manifestPath)) {
    const previous = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (previous.key === key) {
      if (!quiet) console.log(`text-font: up to date (${JSON.stringify(previous.woff2Bytes)})`);
      return previous;
    }
  }

  mkdirSync(OUT_DIR, { recursive: true });
  // fontsource's own files, referenced from the generated stylesheet's folder.
  const files = relative(OUT_DIR, join(FONTSOURCE, 'files')).split('\\').join('/');
  const blocks = [];
  const woff2Bytes = {};
  for (const weight of WEIGHTS) {
    for (const face of facesOf(weight)) {
      if (face.name !== `roboto-${CUT_FACE}-${weight}-normal`) {
        blocks.push(face.block.replaceAll('url(./files/', `url(${files}/`));
        continue;
      }
      if (!face.range) fail(`${face.name} has no unicode-range`);
      const latin = codepointsOf(face.range);
      const core = coreOf(latin);
      const coreSet = new Set(core);
      const sourceTtf = Buffer.from(
        await wawoff2.decompress(readFileSync(join(FONTSOURCE, `files/${face.name}.woff2`))),
      );
      const parts = [
        { name: `roboto-${CUT_FACE}-core-${weight}-normal`, codepoints: core },
        { name: face.name, codepoints: latin.filter((cp) => !coreSet.has(cp)) },
      ];
      for (const part of parts) {
        // The space goes into both parts (not into the rest's range): HarfBuzz and browsers draw
        // the other spaces and the soft hyphen with it when the font has no glyph of their own.
        const codepoints = [...new Set([0x20, ...part.codepoints])];
        const cutTtf = await subset(sourceTtf, { codepoints, flags: NO_HINTING });
        const wrong = differences(sourceTtf, cutTtf, part.codepoints);
        if (wrong.length) {
          const shown = wrong.slice(0, 10).map((cp) => `U+${cp.toString(16).toUpperCase()}`);
          fail(
            `${part.name}: the cut font draws ${wrong.length} characters differently (${shown})`,
          );
        }
        const woff2 = Buffer.from(await wawoff2.compress(cutTtf));
        const file = `${part.name}.woff2`;
        writeFileSync(join(OUT_DIR, file), woff2);
        woff2Bytes[part.name] = woff2.length;
        blocks.push(
          face.block
            .replace(/src:[^;]*;/, `src: url('./${file}') format('woff2');`)
            .replace(/unicode-range:[^;]*;/, `unicode-range: ${rangeOf(part.codepoints)};`),
        );
      }
    }
  }
  if (Object.keys(woff2Bytes).length !== 2 * WEIGHTS.length) {
    fail(`@fontsource/roboto has no ${CUT_FACE} face for every weight (${WEIGHTS})`);
  }
  const header = '/* Generated by scripts/text-font.mjs from @fontsource/roboto — do not edit. */';
  writeFileSync(join(OUT_DIR, CSS_FILE), `${header}\n${blocks.join('\n')}\n`);
  const manifest = { key, woff2Bytes };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  if (!quiet) console.log(`text-font: Roboto ${CUT_FACE} → ${JSON.stringify(woff2Bytes)} bytes`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildTextFont({ force: process.argv.includes('--force') });
}
