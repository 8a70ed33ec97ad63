import type { SlaPolicy } from '@vigie/shared';

/**
 * The internal policy for incidents that concern no tenant with a contract (shared infrastructure,
 * internal equipment): round the clock, targets in minutes. Documented in the README.
 */
export const defaultIncidentSlaPolicy: SlaPolicy = {
  P0: { ackMinutes: 15, restoreMinutes: 60, resolveMinutes: 240 },
  P1: { ackMinutes: 30, restoreMinutes: 240, resolveMinutes: 1440 },
  P2: { ackMinutes: 60, restoreMinutes: 480, resolveMinutes: 2880 },
  P3: { ackMinutes: 240, restoreMinutes: 1440, resolveMinutes: 7200 },
  P4: { ackMinutes: 480, restoreMinutes: 2880, resolveMinutes: 14400 },
};
