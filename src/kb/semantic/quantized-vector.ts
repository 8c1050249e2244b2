/**
 * A unit vector kept as int8 with one scale: a quarter of the memory of float32, and the cosine
 * against a float32 query moves by well under 0.01.
 */
export interface QuantizedVector {
  readonly scale: number;
  readonly values: Int8Array;
}

export function quantize(v: Float32Array): QuantizedVector {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i] as number));
  const scale = max / 127 || 1;
  const values = new Int8Array(v.length);
  for (let i = 0; i < v.length; i++) values[i] = Math.round((v[i] as number) / scale);
  return { scale, values };
}
