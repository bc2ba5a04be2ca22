/**
 * An opaque id (object-storage key) as text: the UTF-8 text when it is printable, otherwise hex.
 * Untrusted: render the result as text only.
 */
export function opaqueIdText(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!/[\u0000-\u001f\u007f]/.test(text)) return text;
  } catch {
    // Not UTF-8: hex below.
  }
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
