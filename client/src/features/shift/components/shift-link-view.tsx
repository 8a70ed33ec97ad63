import type { ShiftLogLink } from '@vigie/shared';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';

/** Where each kind of link opens; occurrences have no page of their own. */
function pathOf(link: ShiftLogLink): string | null {
  switch (link.kind) {
    case 'incident':
      return `/incidents/${link.id}`;
    case 'run':
      return `/runs/${link.id}`;
    case 'rack':
      return `/inventory/racks/${link.id}`;
    case 'device':
      return `/inventory/devices/${link.id}`;
    case 'occurrence':
      return null;
  }
}

export function ShiftLinkView({ link }: { link: ShiftLogLink }) {
  const t = useT();
  const path = pathOf(link);
  const text = `${t(`shift.link.${link.kind}`)} · ${link.label}`;
  return path ? <Link to={path}>{text}</Link> : <span>{text}</span>;
}
