import type { ProcedureKind, ProcedureRisk } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import '../procedures.css';

export function ProcedureKindBadge({ kind }: { kind: ProcedureKind }) {
  const t = useT();
  return (
    <span
      className={`badge procedure-kind procedure-kind--${kind.toLowerCase()}`}
      title={t(`procedures.kind.${kind}`)}
    >
      {t(`procedures.kindShort.${kind}`)}
    </span>
  );
}

export function ProcedureRiskBadge({ risk }: { risk: ProcedureRisk }) {
  const t = useT();
  return (
    <span className={`badge procedure-risk procedure-risk--${risk}`}>{t(`procedures.risk.${risk}`)}</span>
  );
}
