import type { RackFace } from '@vigie/shared';

/** Half-unit slots, so that 0.5U devices fit the same model as whole-unit ones. */
const slotsPerUnit = 2;
const faces: readonly RackFace[] = ['front', 'rear'];
/** The occupant of slots taken without saying by whom. */
const anonymous = 0;

/** A run of `units` consecutive units starting at unit `from` (1 = bottom; halves allowed). */
export interface UnitRange {
  from: number;
  units: number;
}

/** Why a device cannot be mounted where asked, before looking at other devices. */
export type MountingProblem = 'zero_u_positioned' | 'position_required' | 'misaligned' | 'outside_rack';

/**
 * Whether a device of `height` units can go at `position` in a rack of `rackHeight` units,
 * regardless of what else is in it. A zero-U device is mounted beside the units, never at one.
 */
export function mountingProblem(
  rackHeight: number,
  position: number | null,
  height: number,
): MountingProblem | null {
  if (height === 0) return position === null ? null : 'zero_u_positioned';
  if (position === null) return 'position_required';
  if (!Number.isInteger(position * slotsPerUnit) || !Number.isInteger(height * slotsPerUnit))
    return 'misaligned';
  if (position < 1 || position + height - 1 > rackHeight) return 'outside_rack';
  return null;
}

/**
 * Which rack units of each face are taken, and by which device. A full-depth device takes both
 * faces of its units; a half-depth one only the face it is mounted on; a zero-U device takes none.
 */
export class RackOccupancy {
  /** Per face, per half-unit slot: null when free, else the occupant's id (0 when anonymous). */
  private readonly taken: Record<RackFace, (number | null)[]>;

  constructor(readonly uHeight: number) {
    this.taken = {
      front: new Array<number | null>(uHeight * slotsPerUnit).fill(null),
      rear: new Array<number | null>(uHeight * slotsPerUnit).fill(null),
    };
  }

  /** Whether a device of `height` units can sit with its lowest unit at `position` (1 = bottom). */
  isFree(position: number, height: number, face: RackFace, fullDepth: boolean): boolean {
    const range = this.slots(position, height);
    if (!range) return false;
    return this.facesOf(face, fullDepth).every((side) =>
      this.taken[side].slice(range.from, range.to).every((t) => t === null),
    );
  }

  /** The distinct occupants in the way of a device at `position` (empty when it fits or is out of the rack). */
  occupantsAt(position: number, height: number, face: RackFace, fullDepth: boolean): number[] {
    const range = this.slots(position, height);
    if (!range) return [];
    const found = new Set<number>();
    for (const side of this.facesOf(face, fullDepth)) {
      for (const occupant of this.taken[side].slice(range.from, range.to))
        if (occupant !== null) found.add(occupant);
    }
    return [...found];
  }

  occupy(position: number, height: number, face: RackFace, fullDepth: boolean, occupant = anonymous): void {
    if (!this.isFree(position, height, face, fullDepth)) {
      throw new Error(`U${position} (${height}U, ${face}) is not free`);
    }
    const range = this.slots(position, height);
    if (!range) return;
    for (const side of this.facesOf(face, fullDepth)) this.taken[side].fill(occupant, range.from, range.to);
  }

  /** The lowest free position in [from, to] (both in units), or null. Whole units for whole-unit devices. */
  lowestFree(height: number, face: RackFace, fullDepth: boolean, from = 1, to = this.uHeight): number | null {
    const step = Number.isInteger(height) ? 1 : 1 / slotsPerUnit;
    for (let position = Math.ceil(from / step) * step; position + height - 1 <= to + 1e-9; position += step) {
      if (this.isFree(position, height, face, fullDepth)) return position;
    }
    return null;
  }

  /** Units still free on a face. */
  freeUnits(face: RackFace): number {
    return this.taken[face].filter((t) => t === null).length / slotsPerUnit;
  }

  /** Units where something is mounted on either face. */
  usedUnits(): number {
    let used = 0;
    for (let slot = 0; slot < this.uHeight * slotsPerUnit; slot++) {
      if (this.taken.front[slot] !== null || this.taken.rear[slot] !== null) used++;
    }
    return used / slotsPerUnit;
  }

  /**
   * The runs of free units where a device mounted on `face` could go: free on that face, and on
   * the other one too when the device is full depth. Bottom first.
   */
  freeRanges(face: RackFace, fullDepth = false): UnitRange[] {
    const sides = this.facesOf(face, fullDepth);
    const ranges: UnitRange[] = [];
    let start: number | null = null;
    for (let slot = 0; slot <= this.uHeight * slotsPerUnit; slot++) {
      const free =
        slot < this.uHeight * slotsPerUnit && sides.every((side) => this.taken[side][slot] === null);
      if (free && start === null) start = slot;
      if (!free && start !== null) {
        ranges.push({ from: start / slotsPerUnit + 1, units: (slot - start) / slotsPerUnit });
        start = null;
      }
    }
    return ranges;
  }

  private slots(position: number, height: number): { from: number; to: number } | null {
    const from = (position - 1) * slotsPerUnit;
    const to = from + height * slotsPerUnit;
    const whole = Number.isInteger(from) && Number.isInteger(to);
    if (!whole || height <= 0 || from < 0 || to > this.uHeight * slotsPerUnit) return null;
    return { from, to };
  }

  private facesOf(face: RackFace, fullDepth: boolean): readonly RackFace[] {
    return fullDepth ? faces : [face];
  }
}
