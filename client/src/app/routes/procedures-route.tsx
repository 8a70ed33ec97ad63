import { ProcedurePage } from '../../features/procedures/components/procedure-page';
import { ProceduresLayout } from '../../features/procedures/components/procedures-layout';
import { StartRunButton } from '../../features/runs/components/start-run-button';
import { RequireArea } from './require-area';

/** The procedure library and the runs (`/procedures/*`, `/runs/*`), for roles with `run.read`. */
export function ProceduresRoute() {
  return (
    <RequireArea area="procedures">
      <ProceduresLayout />
    </RequireArea>
  );
}

/** A library procedure, with "start a run" of the version on screen. */
export function ProcedureDetailRoute() {
  return (
    <ProcedurePage
      renderActions={(detail) => (
        <StartRunButton procedureId={detail.procedure.id} procedureVersion={detail.version} />
      )}
    />
  );
}
