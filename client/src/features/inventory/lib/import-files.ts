/** Whether a file is a device-type library file, by its name (`.yaml` or `.yml`, any case). */
export function isLibraryFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Splits the chosen files into those to send and those skipped (kept by name, to say so). */
export function splitLibraryFiles<T extends { name: string }>(
  files: readonly T[],
): { accepted: T[]; skipped: T[] } {
  const accepted: T[] = [];
  const skipped: T[] = [];
  for (const file of files) (isLibraryFile(file.name) ? accepted : skipped).push(file);
  return { accepted, skipped };
}

/** The percentage shown on the progress bar, whole, 0–100. */
export function progressPercent(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}
