import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * A data folder whose disk can be made full, then given space again, under a running server.
 * `tmpfs`: a small tmpfs mounted for the test and filled with a file (needs mount privileges).
 * `file-size-limit`: without them, the server's RLIMIT_FSIZE is lowered to the current size of its
 * WAL (prlimit), so the WAL cannot grow: the OS refuses the write (EFBIG) as a full disk would.
 */
export interface SqueezedStorage {
  kind: 'tmpfs' | 'file-size-limit';
  dataDir: string;
  fill(serverPid: number): void;
  free(serverPid: number): void;
  close(): void;
}

const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: 'pipe' });

/** Whether this process may mount filesystems (root with CAP_SYS_ADMIN, as on the CI machine). */
function tryMountTmpfs(dir: string, sizeMb: number): boolean {
  try {
    run('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'tmpfs', dir]);
    return true;
  } catch {
    return false;
  }
}

/** Writes into `file` until the filesystem has no byte left. */
function fillUp(file: string): void {
  const fd = openSync(file, 'a');
  try {
    for (const chunk of [Buffer.alloc(1 << 20), Buffer.alloc(4096), Buffer.alloc(512)]) {
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

export function squeezedStorage(sizeMb: number): SqueezedStorage {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-disk-'));
  if (tryMountTmpfs(dataDir, sizeMb)) {
    const filler = join(dataDir, 'filler');
    return {
      kind: 'tmpfs',
      dataDir,
      fill: () => fillUp(filler),
      free: () => rmSync(filler, { force: true }),
      close: () => {
        run('umount', [dataDir]);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const wal = join(dataDir, 'vigie.db-wal');
  return {
    kind: 'file-size-limit',
    dataDir,
    // RLIMIT_FSIZE bounds the offset of every write: set to the WAL's size, nothing can be appended to it.
    fill: (pid) =>
      run('prlimit', ['--pid', String(pid), `--fsize=${existsSync(wal) ? statSync(wal).size : 0}:unlimited`]),
    free: (pid) => run('prlimit', ['--pid', String(pid), '--fsize=unlimited:unlimited']),
    close: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/**
 * A data folder whose filesystem turns read-only under a running server.
 * `ext4-error`: an ext4 image on a loop device mounted `errors=remount-ro`; the kernel is told the
 * filesystem has an error (`trigger_fs_error`) and remounts it read-only, as it does when a disk
 * fails. Recovery is the operator's: stop, fsck, mount again, start (`repair`).
 * `no-writes`: without loop devices or mount privileges, the server's RLIMIT_FSIZE is set to 0, so
 * the OS refuses its every write; `repair` lifts the limit (the server keeps running).
 */
export interface ReadOnlyStorage {
  kind: 'ext4-error' | 'no-writes';
  dataDir: string;
  /** Whether `repair` needs the server stopped first (a remount). */
  repairNeedsRestart: boolean;
  makeReadOnly(serverPid: number): void;
  repair(serverPid: number): void;
  close(): void;
}

export function readOnlyStorage(sizeMb: number): ReadOnlyStorage {
  const work = mkdtempSync(join(tmpdir(), 'vigie-ro-'));
  const image = join(work, 'ext4.img');
  const dataDir = join(work, 'mnt');
  let loop: string | undefined;
  try {
    execFileSync('truncate', ['-s', `${sizeMb}M`, image]);
    run('mkfs.ext4', ['-q', '-F', image]);
    loop = execFileSync('losetup', ['--find', '--show', image], { encoding: 'utf8' }).trim();
    mkdirSync(dataDir);
    run('mount', ['-o', 'errors=remount-ro', loop, dataDir]);
  } catch {
    if (loop) run('losetup', ['-d', loop]);
    rmSync(work, { recursive: true, force: true });
    return noWritesStorage();
  }
  const device = loop;
  const mounted = () => readFileSync('/proc/mounts', 'utf8').includes(` ${dataDir} `);
  return {
    kind: 'ext4-error',
    dataDir,
    repairNeedsRestart: true,
    makeReadOnly: () => writeFileSync(`/sys/fs/ext4/${basename(device)}/trigger_fs_error`, '1'),
    repair: () => {
      run('umount', [dataDir]);
      // e2fsck exits 1 when it corrected the error flag: that is the repair.
      try {
        run('e2fsck', ['-fy', device]);
      } catch (error) {
        if ((error as { status?: number }).status !== 1) throw error;
      }
      run('mount', ['-o', 'errors=remount-ro', device, dataDir]);
    },
    close: () => {
      if (mounted()) run('umount', [dataDir]);
      run('losetup', ['-d', device]);
      rmSync(work, { recursive: true, force: true });
    },
  };
}

function noWritesStorage(): ReadOnlyStorage {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-ro-'));
  return {
    kind: 'no-writes',
    dataDir,
    repairNeedsRestart: false,
    makeReadOnly: (pid) => run('prlimit', ['--pid', String(pid), '--fsize=0:unlimited']),
    repair: (pid) => run('prlimit', ['--pid', String(pid), '--fsize=unlimited:unlimited']),
    close: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
