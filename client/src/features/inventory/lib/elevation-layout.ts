import type { ElevationDevice, ElevationFace, RackFace, UnitRange } from '@vigie/shared';

/** Height of one rack unit on the drawing, in SVG user units. */
export const unitPx = 20;

/** A span of the rack measured in units from its floor: unit 1 spans 0–1, a half-U device at 1.5 spans 0.5–1.5. */
export interface Span {
  bottom: number;
  top: number;
}

/** A span placed on the drawing: y grows downwards from the top of the rack. */
export interface Block extends Span {
  y: number;
  height: number;
}

export interface PlacedDevice {
  device: ElevationDevice;
  block: Block;
  /** False when the device is mounted on the other face and shows here because it is full depth. */
  mountedHere: boolean;
}

export interface FaceLayout {
  face: RackFace;
  devices: PlacedDevice[];
  free: Block[];
  /** Space taken by devices the viewer may not see (another tenant's, in a shared rack). */
  hidden: Block[];
}

/** The span of a device: from just below its lowest unit, as tall as its type. */
export function deviceSpan(position: number, uHeight: number): Span {
  return { bottom: position - 1, top: position - 1 + uHeight };
}

/** The span of a run of units: `units` consecutive units from unit `from`, counted like device positions. */
export function rangeSpan(range: UnitRange): Span {
  return deviceSpan(range.from, range.units);
}

/** Places a span on a rack of `rackUnits`, clamped to the rack (a bad position never draws outside). */
export function toBlock(span: Span, rackUnits: number): Block {
  const bottom = Math.max(0, Math.min(rackUnits, span.bottom));
  const top = Math.max(bottom, Math.min(rackUnits, span.top));
  return { bottom, top, y: (rackUnits - top) * unitPx, height: (top - bottom) * unitPx };
}

/** One face: its devices (mounted or full-depth from behind), free space and hidden space, as blocks. */
export function layoutFace(face: ElevationFace, hidden: readonly UnitRange[], rackUnits: number): FaceLayout {
  const devices: PlacedDevice[] = [];
  for (const device of face.devices) {
    if (device.position === null || device.uHeight <= 0) continue;
    devices.push({
      device,
      block: toBlock(deviceSpan(device.position, device.uHeight), rackUnits),
      mountedHere: device.face === null || device.face === face.face,
    });
  }
  devices.sort((a, b) => b.block.top - a.block.top);
  const toBlocks = (ranges: readonly UnitRange[]) =>
    ranges.map((range) => toBlock(rangeSpan(range), rackUnits)).filter((block) => block.height > 0);
  return { face: face.face, devices, free: toBlocks(face.freeRanges), hidden: toBlocks(hidden) };
}

/** Unit numbers with the y of each unit's top edge, top of the rack first (as it is read). */
export function unitLabels(rackUnits: number): { unit: number; y: number }[] {
  return Array.from({ length: rackUnits }, (_, index) => {
    const unit = rackUnits - index;
    return { unit, y: index * unitPx };
  });
}

/** `U12` for one unit, `U12–U14` for several. */
export function formatUnits(span: Span): string {
  const first = span.bottom + 1;
  const last = span.top;
  return last - first < 0.5 ? `U${first}` : `U${first}–U${last}`;
}
