import type { PowerPort } from '@vigie/shared';

/**
 * The power a device of this type is counted for, in watts: per inlet, its allocated draw, else
 * its maximum draw (as NetBox's power utilisation does).
 */
export function allocatedDrawW(powerPorts: readonly PowerPort[]): number {
  return powerPorts.reduce((total, port) => total + (port.allocatedDraw ?? port.maximumDraw ?? 0), 0);
}

/** A share of a limit in percent, one decimal; null when there is no limit to compare with. */
export function percentOf(value: number, limit: number): number | null {
  return limit > 0 ? Math.round((value / limit) * 1000) / 10 : null;
}
