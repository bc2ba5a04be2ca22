// One HarfBuzz subsetting step for the build's font scripts (icon-font.mjs, text-font.mjs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const HB_MEMORY_MODE_WRITABLE = 2;

/** HarfBuzz's subset flags the scripts use (hb-subset.h). */
export const NO_HINTING = 0x1;
export const NO_LAYOUT_CLOSURE = 0x200;

/**
 * hb-subset through the raw exports of harfbuzzjs's subset build: keeps `codepoints` (and
 * `glyphIds`, for glyphs reached by ligatures rather than by a character), with `flags` added
 * to HarfBuzz's defaults. Returns the subset font's bytes (TrueType/OpenType, not compressed).
 */
export async function subset(ttf, { codepoints, glyphIds = [], flags = 0 }) {
  const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const { instance } = await WebAssembly.instantiate(wasm, {});
  const e = instance.exports;
  const pointer = e.malloc(ttf.length);
  new Uint8Array(e.memory.buffer).set(ttf, pointer);
  const blob = e.hb_blob_create(pointer, ttf.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = e.hb_face_create(blob, 0);
  e.hb_blob_destroy(blob);
  const input = e.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb_subset_input_create_or_fail failed');
  const glyphSet = e.hb_subset_input_glyph_set(input);
  for (const id of glyphIds) e.hb_set_add(glyphSet, id);
  const unicodeSet = e.hb_subset_input_unicode_set(input);
  for (const cp of codepoints) e.hb_set_add(unicodeSet, cp);
  e.hb_subset_input_set_flags(input, e.hb_subset_input_get_flags(input) | flags);
  const result = e.hb_subset_or_fail(face, input);
  e.hb_subset_input_destroy(input);
  e.hb_face_destroy(face);
  e.free(pointer);
  if (!result) throw new Error('hb_subset_or_fail failed');
  const out = e.hb_face_reference_blob(result);
  const length = e.hb_blob_get_length(out);
  const data = e.hb_blob_get_data(out, 0);
  const bytes = Buffer.from(new Uint8Array(e.memory.buffer).slice(data, data + length));
  e.hb_blob_destroy(out);
  e.hb_face_destroy(result);
  return bytes;
}
