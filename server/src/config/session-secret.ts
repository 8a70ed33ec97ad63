import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

const secretFileName = 'session-secret';

/** The file's content, or undefined when there is no file. */
function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
}

/** Writes and fsyncs a new file (mode 0600), so its bytes are on disk before it gets its name. */
function writeDurably(file: string, content: string): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The key that turns session tokens into the ids stored in the database. Taken from the
 * environment when set, otherwise generated once and kept (mode 0600) beside the database.
 * The file is written durably (fsynced, then named): a crash or a failing disk right after the
 * first start must not leave it empty, which would sign everyone out or, worse, key every
 * session with an empty secret.
 */
export function resolveSessionSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, secretFileName);
  const content = readIfExists(file);
  const stored = content?.trim();
  if (stored) return stored;
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  const temporary = `${file}.${process.pid}.tmp`;
  writeDurably(temporary, `${secret}\n`);
  try {
    if (content !== undefined) {
      // An empty file: a crash lost its bytes. Replaced (sessions keyed by the lost secret end).
      renameSync(temporary, file);
    } else {
      linkSync(temporary, file);
    }
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = readIfExists(file)?.trim();
    if (!theirs) throw error;
    return theirs;
  } finally {
    rmSync(temporary, { force: true });
  }
  fsyncDirectory(dataDir);
  return secret;
}
