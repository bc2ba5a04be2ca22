// Builds the text font the console ships: Roboto 400 and 500 from @fontsource/roboto, with the
// Latin face (the one every page downloads) re-cut by HarfBuzz to the same characters without
// hinting instructions, written to src/generated/fonts/ (git-ignored), which angular.json's styles
// reference. The other faces (Latin Extended, Cyrillic, Greek, Vietnamese, math, symbols) stay
// fontsource's files, each fetched only when a page shows one of its characters (unicode-range).
//
// Why: the Latin file is half hinting (TrueType instructions), which Chromium on Linux, macOS,
// Android and ChromeOS ignores and Google Fonts itself leaves out for those systems; the outlines,
// metrics and kerning are the same, so the look is. 22 kB → 12 kB per weight.
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
const FORMAT = 1;

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
  for (const file of [...sources, ...WEIGHTS.map((w) => join(FONTSOURCE, `${w}.css`))]) {
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
      const codepoints = codepointsOf(face.range);
      const sourceTtf = Buffer.from(
        await wawoff2.decompress(readFileSync(join(FONTSOURCE, `files/${face.name}.woff2`))),
      );
      const cutTtf = await subset(sourceTtf, { codepoints, flags: NO_HINTING });
      const wrong = differences(sourceTtf, cutTtf, codepoints);
      if (wrong.length) {
        const shown = wrong.slice(0, 10).map((cp) => `U+${cp.toString(16).toUpperCase()}`);
        fail(`${face.name}: the cut font draws ${wrong.length} characters differently (${shown})`);
      }
      const woff2 = Buffer.from(await wawoff2.compress(cutTtf));
      const file = `${face.name}.woff2`;
      writeFileSync(join(OUT_DIR, file), woff2);
      woff2Bytes[weight] = woff2.length;
      blocks.push(face.block.replace(/src:[^;]*;/, `src: url('./${file}') format('woff2');`));
    }
  }
  if (Object.keys(woff2Bytes).length !== WEIGHTS.length) {
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
