import type { SteeringFigures } from '@vigie/shared';

/** Whether anything at all was recorded in a period: no incident, clock, run, step or occurrence. */
export function periodIsEmpty(figures: SteeringFigures): boolean {
  return (
    figures.volume.total === 0 &&
    Object.values(figures.sla).every((metric) => metric.all.of === 0) &&
    figures.availability.impactMinutes === 0 &&
    figures.availability.plannedRuns === 0 &&
    figures.changes.total === 0 &&
    figures.compliance.signed === 0 &&
    figures.compliance.skipped === 0 &&
    figures.recurring.due === 0 &&
    figures.backlog.open === 0 &&
    figures.team.runs === 0 &&
    figures.team.steps === 0 &&
    figures.team.resolved === 0
  );
}
