import type { RackFace } from '@vigie/shared';

/** Half-unit slots, so that 0.5U devices fit the same model as whole-unit ones. */
const slotsPerUnit = 2;

/**
 * Which rack units of each face are taken. A full-depth device takes both faces of its units;
 * a half-depth one only the face it is mounted on; a zero-U device takes none.
 */
export class RackOccupancy {
  private readonly taken: Record<RackFace, boolean[]>;

  constructor(readonly uHeight: number) {
    this.taken = {
      front: new Array<boolean>(uHeight * slotsPerUnit).fill(false),
      rear: new Array<boolean>(uHeight * slotsPerUnit).fill(false),
    };
  }

  /** Whether a device of `height` units can sit with its lowest unit at `position` (1 = bottom). */
  isFree(position: number, height: number, face: RackFace, fullDepth: boolean): boolean {
    const range = this.slots(position, height);
    if (!range) return false;
    return this.facesOf(face, fullDepth).every((side) =>
      this.taken[side].slice(range.from, range.to).every((t) => !t),
    );
  }

  occupy(position: number, height: number, face: RackFace, fullDepth: boolean): void {
    if (!this.isFree(position, height, face, fullDepth)) {
      throw new Error(`U${position} (${height}U, ${face}) is not free`);
    }
    const range = this.slots(position, height);
    if (!range) return;
    for (const side of this.facesOf(face, fullDepth)) this.taken[side].fill(true, range.from, range.to);
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
    return this.taken[face].filter((t) => !t).length / slotsPerUnit;
  }

  private slots(position: number, height: number): { from: number; to: number } | null {
    const from = (position - 1) * slotsPerUnit;
    const to = from + height * slotsPerUnit;
    const whole = Number.isInteger(from) && Number.isInteger(to);
    if (!whole || height <= 0 || from < 0 || to > this.uHeight * slotsPerUnit) return null;
    return { from, to };
  }

  private facesOf(face: RackFace, fullDepth: boolean): RackFace[] {
    return fullDepth ? ['front', 'rear'] : [face];
  }
}
