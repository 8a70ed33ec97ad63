import { relative, resolve } from 'node:path';
import { repoRoot } from '../config/app-config.js';
import { countByKind, formatProblem, validateLibrary } from './library-validator.js';

// `pnpm procedures:validate [folder]`: prints every problem of the library and exits non-zero if any.
const folder = resolve(process.argv[2] ?? resolve(repoRoot, 'procedures'));
const { procedures, problems } = validateLibrary(folder);
const shown = relative(process.cwd(), folder) || '.';
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem, `${shown}/`));
  console.error(`${problems.length} problem(s) in ${shown}/`);
  process.exitCode = 1;
} else {
  const kinds = countByKind(procedures);
  console.log(
    `${shown}/: ${procedures.length} procedures valid (EOP ${kinds.EOP}, SOP ${kinds.SOP}, MOP ${kinds.MOP})`,
  );
}
