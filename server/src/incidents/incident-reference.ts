/** `INC-000123` from the incident id (six digits at least). */
export function incidentReferenceOf(id: number): string {
  return `INC-${String(id).padStart(6, '0')}`;
}

/** The incident id a search text names (`INC-000123`, `inc-123`, `000123`), if it names one. */
export function incidentIdFromReference(text: string): number | undefined {
  const match = /^(?:INC-?)?0*(\d{1,12})$/i.exec(text.trim());
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
