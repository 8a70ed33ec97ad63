import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  type Procedure,
  procedureFileSchema,
  procedureKindFolders,
  type ProcedureKind,
  type ProcedureProblem,
  procedureSteps,
} from '@vigie/shared';
import {
  type Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import type { z } from 'zod';

/** A procedure file that passed validation, with the version a run would pin. */
export interface LoadedProcedure {
  /** Path inside the library with `/` separators, e.g. `eop/crac-failure.yaml`. */
  file: string;
  /** SHA-256 (hex) of the file's bytes. */
  version: string;
  procedure: Procedure;
}

export interface LibraryValidation {
  procedures: LoadedProcedure[];
  problems: ProcedureProblem[];
}

export interface FileValidation {
  version: string;
  procedure: Procedure | undefined;
  problems: ProcedureProblem[];
}

const kindFolders = new Set<string>(Object.values(procedureKindFolders));

export function procedureVersion(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The one printed form of a problem: `file:line: field: message`. */
export function formatProblem(problem: ProcedureProblem, prefix = ''): string {
  return `${prefix}${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`;
}

/** `steps[2].reading.max`; the whole document is `(file)`. */
export function formatField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || '(file)';
}

/** Messages a technician writing YAML understands, in place of zod's generic ones. */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    const got = issue.input === null ? 'nothing' : Array.isArray(issue.input) ? 'a list' : typeof issue.input;
    const wanted =
      issue.expected === 'object'
        ? 'a map of fields'
        : issue.expected === 'array'
          ? 'a list'
          : issue.expected;
    return `expected ${wanted}, got ${got}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((value) => String(value)).join(', ')}`;
  }
  return undefined;
};

/** The 1-based line of the deepest node of `path` present in the document (a missing field points at its parent). */
function lineOf(root: Node | null, path: readonly PropertyKey[], lines: LineCounter): number {
  let node: unknown = root;
  let offset = root?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!item || typeof item !== 'object' || !('range' in item)) break;
      const range = (item as Node).range;
      if (range) offset = range[0];
      node = item;
    } else {
      break;
    }
  }
  return lines.linePos(offset).line;
}

/**
 * Where an unclosed quote or bracket opens: the parser notices it only further down (often at the
 * end of the file), but the author needs the line where it was opened.
 */
function openingOffset(document: Document, offset: number, kind: 'quote' | 'flow'): number {
  let start: number | undefined;
  visit(document, (_key, node) => {
    if (!isNode(node) || !node.range || node.range[0] > offset || offset > node.range[2]) return;
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    const flow = (isMap(node) || isSeq(node)) && node.flow === true;
    // The innermost quoted scalar (quotes do not nest); the outermost flow collection (brackets do).
    if (kind === 'quote' && quoted) start = node.range[0];
    if (kind === 'flow' && flow && start === undefined) start = node.range[0];
  });
  return start ?? offset;
}

function issueProblems(
  file: string,
  issue: z.core.$ZodIssue,
  root: Node | null,
  lines: LineCounter,
): ProcedureProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      return { file, line: lineOf(root, path, lines), field: formatField(path), message: 'unknown field' };
    });
  }
  return [
    { file, line: lineOf(root, issue.path, lines), field: formatField(issue.path), message: issue.message },
  ];
}

/**
 * Validates one procedure file. `file` is its path inside the library (`<kind folder>/<id>.yaml`):
 * the id must equal the file name and the kind its folder.
 */
export function validateProcedureFile(file: string, content: Buffer | string): FileValidation {
  const version = procedureVersion(content);
  const source = typeof content === 'string' ? content : content.toString('utf8');
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  // Only the first syntax error: the parser's later ones are mostly echoes of it.
  const syntaxError = document.errors[0] ?? document.warnings[0];
  if (syntaxError) {
    const message = syntaxError.message.replace(/\s+at line \d+, column \d+[\s\S]*$/, '');
    const unclosed = /closing "?quote/.test(message)
      ? 'quote'
      : /end with a [\]}]/.test(message)
        ? 'flow'
        : undefined;
    const offset = unclosed ? openingOffset(document, syntaxError.pos[0], unclosed) : syntaxError.pos[0];
    const line = lines.linePos(offset).line;
    return { version, procedure: undefined, problems: [{ file, line, field: 'yaml', message }] };
  }

  const parts = file.split('/');
  const name = parts.at(-1) ?? file;
  const folder = parts.length > 1 ? parts.at(-2) : undefined;
  const id = name.replace(/\.yaml$/, '');
  const parsed = procedureFileSchema({ id, folder }).safeParse(document.toJS({ maxAliasCount: 100 }), {
    error: errorMap,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues
      .flatMap((issue) => issueProblems(file, issue, document.contents, lines))
      .sort((a, b) => a.line - b.line);
    return { version, procedure: undefined, problems };
  }
  return { version, procedure: parsed.data, problems: [] };
}

function listFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(folder, path).split(sep).join('/'));
    }
  };
  walk(folder);
  return files;
}

/**
 * Reads and validates every file of the library at `folder`. Each problem is reported; a file with
 * problems is left out and never stops the others from loading.
 */
export function validateLibrary(folder: string): LibraryValidation {
  const procedures: LoadedProcedure[] = [];
  const problems: ProcedureProblem[] = [];
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    return {
      procedures,
      problems: [{ file: '.', line: 1, field: '(file)', message: 'library folder not found' }],
    };
  }
  const owners = new Map<string, string>();
  for (const file of listFiles(folder)) {
    const parts = file.split('/');
    if (parts.length !== 2 || !kindFolders.has(parts[0] ?? '')) {
      problems.push({ file, line: 1, field: '(file)', message: 'procedure files go in eop/, sop/ or mop/' });
      continue;
    }
    if (!file.endsWith('.yaml')) {
      problems.push({ file, line: 1, field: '(file)', message: 'a procedure file name ends with .yaml' });
      continue;
    }
    const result = validateProcedureFile(file, readFileSync(join(folder, file)));
    problems.push(...result.problems);
    if (!result.procedure) continue;
    const owner = owners.get(result.procedure.id);
    if (owner) {
      problems.push({
        file,
        line: 1,
        field: 'id',
        message: `"${result.procedure.id}" is already used by ${owner}`,
      });
      continue;
    }
    owners.set(result.procedure.id, file);
    procedures.push({ file, version: result.version, procedure: result.procedure });
  }
  return { procedures, problems };
}

export function countByKind(procedures: readonly LoadedProcedure[]): Record<ProcedureKind, number> {
  const counts: Record<ProcedureKind, number> = { EOP: 0, SOP: 0, MOP: 0 };
  for (const { procedure } of procedures) counts[procedure.kind] += 1;
  return counts;
}

export function stepCount(procedure: Procedure): number {
  return procedureSteps(procedure).length;
}
