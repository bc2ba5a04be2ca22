/** A gRPC error as one readable line (grpc-js percent-encodes the details). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // keep it as it is
  }
  return decoded.split('\n')[0].slice(0, 240);
}
