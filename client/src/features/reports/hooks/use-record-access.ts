import { useSignedInMe } from '../../../app/routes/use-signed-in-me';

/** Which records the reader can open: client viewers have incidents only (no run or task pages). */
export function useRecordAccess(): { runs: boolean; tasks: boolean } {
  const permissions = useSignedInMe()?.permissions ?? [];
  return { runs: permissions.includes('run.read'), tasks: permissions.includes('task.read') };
}
