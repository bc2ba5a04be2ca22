/** A gRPC error as one readable line (grpc-js percent-encodes the details). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return firstLine(percentDecoded(text)).slice(0, 240);
}

/** `text` percent-decoded (as grpc-message is sent), or as it is where it is not valid. */
export function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The text up to its first line break (an error's message without its stack or details). */
export function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}
