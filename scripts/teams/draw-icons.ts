/**
 * The Lapis mark, drawn in code: three stacked layers (L1, L2, L3), as the Teams app icons.
 * - color: 192x192, white layers on lapis blue, full bleed;
 * - outline: 32x32, white layers on a transparent background (Teams' rule for outline icons).
 * Shapes are rhombi in unit coordinates, rasterised with 4x4 supersampling for smooth edges.
 */
export const LAPIS_BLUE = { r: 0x1f, g: 0x4e, b: 0x9e } as const;

interface Layers {
  readonly halfWidth: number;
  readonly halfHeight: number;
  /** Vertical centres, top layer first. */
  readonly centres: readonly number[];
  /** Clear space between a layer and the one above it. */
  readonly gap: number;
}

const inRhombus = (x: number, y: number, cy: number, hw: number, hh: number, grow = 0) =>
  Math.abs(x - 0.5) / (hw + grow) + Math.abs(y - cy) / (hh + grow) <= 1;

/** Whether unit point (x, y) is on a layer: inside its rhombus, clear of every layer above it. */
function onLayers(x: number, y: number, layers: Layers): boolean {
  return layers.centres.some(
    (cy, i) =>
      inRhombus(x, y, cy, layers.halfWidth, layers.halfHeight) &&
      layers.centres
        .slice(0, i)
        .every((above) => !inRhombus(x, y, above, layers.halfWidth, layers.halfHeight, layers.gap)),
  );
}

/** Coverage in [0, 1] of each pixel by the layers. */
function coverage(size: number, layers: Layers): Float64Array {
  const out = new Float64Array(size * size);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++)
          if (
            onLayers((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, layers)
          )
            hits++;
      out[py * size + px] = hits / (samples * samples);
    }
  }
  return out;
}

export function drawColorIcon(size = 192): Uint8Array {
  const cover = coverage(size, {
    halfWidth: 0.3,
    halfHeight: 0.14,
    centres: [0.38, 0.5, 0.62],
    gap: 0.035,
  });
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    rgba[i * 4] = Math.round(LAPIS_BLUE.r + (255 - LAPIS_BLUE.r) * c);
    rgba[i * 4 + 1] = Math.round(LAPIS_BLUE.g + (255 - LAPIS_BLUE.g) * c);
    rgba[i * 4 + 2] = Math.round(LAPIS_BLUE.b + (255 - LAPIS_BLUE.b) * c);
    rgba[i * 4 + 3] = 255;
  });
  return rgba;
}

export function drawOutlineIcon(size = 32): Uint8Array {
  const cover = coverage(size, {
    halfWidth: 0.44,
    halfHeight: 0.2,
    centres: [0.32, 0.5, 0.68],
    gap: 0.07,
  });
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    rgba.fill(255, i * 4, i * 4 + 3); // white...
    rgba[i * 4 + 3] = Math.round(255 * c); // ...visible only where the layers are
  });
  return rgba;
}
