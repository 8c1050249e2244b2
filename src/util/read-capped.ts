/**
 * A response body read whole, but never past `maxBytes`: the read stops (and the stream is cancelled)
 * at the chunk that crosses the cap, which is never kept, so a sender cannot make Lapis hold more
 * than the cap whatever it declares. `'too_large'` then; the bytes otherwise.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | 'too_large'> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return 'too_large';
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
