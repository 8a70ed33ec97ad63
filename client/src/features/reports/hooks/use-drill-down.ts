import { createContext, use } from 'react';
import type { DrillTarget } from '../lib/drill-target';

/** Opens the drill-down dialog for a figure; provided by the report view. */
export const DrillDownContext = createContext<((target: DrillTarget) => void) | null>(null);

export function useDrillDown(): (target: DrillTarget) => void {
  const open = use(DrillDownContext);
  if (!open) throw new Error('useDrillDown must be used inside the report view');
  return open;
}
