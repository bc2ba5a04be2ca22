import { type ActivityEntry } from './activity-entry';

export const ACTIVITY_COLUMNS = [
  'at',
  'user',
  'sessionId',
  'action',
  'detail',
  'origin',
  'outcome',
  'status',
  'code',
  'message',
] as const satisfies readonly (keyof ActivityEntry)[];

export function toJson(entries: readonly ActivityEntry[]): string {
  return JSON.stringify(
    entries.map((entry) => Object.fromEntries(ACTIVITY_COLUMNS.map((c) => [c, entry[c] ?? null]))),
    null,
    2,
  );
}

/**
 * RFC 4180 CSV. Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) are
 * prefixed with `'`: ids and server messages are untrusted text.
 */
export function toCsv(entries: readonly ActivityEntry[]): string {
  const cell = (value: string | undefined) => {
    let text = value ?? '';
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = entries.map((entry) => ACTIVITY_COLUMNS.map((c) => cell(entry[c])).join(','));
  return [ACTIVITY_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}
