import { useMe } from '../../auth/api/get-me';

/** What the signed-in user may do with runs (DESIGN.md §4). */
export function useRunPermissions() {
  const me = useMe().data;
  return {
    userId: me?.user.id,
    canTick: me?.permissions.includes('run.tick') ?? false,
    canVerify: me?.permissions.includes('step.verify') ?? false,
  };
}
