/** A gRPC error as one readable line (grpc-js percent-encodes the details). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // keep it as it is
  }
  return firstLine(decoded).slice(0, 240);
}

/** The text up to its first line break (an error's message without its stack or details). */
export function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}
