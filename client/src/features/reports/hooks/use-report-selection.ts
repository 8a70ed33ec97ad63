import { isTenantScoped } from '@vigie/shared';
import { useSearchParams } from 'react-router';
import { useSignedInMe } from '../../../app/routes/use-signed-in-me';
import { useTimeZone } from '../../../lib/time-zone';
import { useSites } from '../../sites/api/get-sites';
import { useTenants } from '../../tenants/api/get-tenants';
import { localDate } from '../../tasks/lib/calendar-days';
import { periodProblem, presetPeriod } from '../lib/report-period';
import { overviewParam, readSelection, selectionParams, type ReportSelection } from '../lib/report-selection';

/**
 * The report chosen in the URL, with the defaults (last month; the first tenant, or a client
 * viewer's own) for what it leaves out. Changing it writes the whole choice back to the URL.
 */
export function useReportSelection() {
  const me = useSignedInMe();
  const viewer = me ? isTenantScoped(me.user.role) : false;
  const tenants = useTenants();
  const sites = useSites();
  const [params, setParams] = useSearchParams();
  const appTimeZone = useTimeZone();
  const siteId = Number(params.get('site'));
  const timeZone = sites.data?.items.find((site) => site.id === siteId)?.timeZone ?? appTimeZone;
  const today = localDate(new Date(), timeZone);
  const tenantList = tenants.data?.items ?? [];
  const defaultSubject = viewer
    ? (me?.user.tenantId ?? null)
    : (tenantList[0]?.id ?? (tenants.isSuccess ? overviewParam : null));
  const read = readSelection(params, { subject: defaultSubject, period: presetPeriod('last-month', today) });
  const selection: ReportSelection | null = read.subject === null ? null : { ...read, subject: read.subject };
  const setSelection = (next: ReportSelection) => setParams(selectionParams(next));
  return {
    selection,
    problem: periodProblem(read.from, read.to),
    setSelection,
    today,
    canChooseTenant: !viewer,
    tenants: tenantList,
    sites: sites.data?.items ?? [],
    /** Staff without any tenant listed yet: the default contract is not known. */
    loadingDefaults: selection === null && tenants.isPending,
    defaultsError: selection === null && tenants.isError ? tenants.error : null,
  };
}
