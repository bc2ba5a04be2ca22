import { join } from 'node:path';

/** The repository root (bench/ runs as CommonJS under tsx, like server/). */
export const ROOT = join(__dirname, '..');
