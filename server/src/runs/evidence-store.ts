import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * Evidence files on disk under `<dataDir>/evidence/<first two hex>/<sha256>`, named by content so a
 * file is stored once however often it is sent. Written to a temporary name, flushed to disk, then
 * renamed, so a file that exists under its hash is complete; the database row comes after.
 */
export class EvidenceStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'evidence');
  }

  static hashOf(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores the bytes durably and answers their SHA-256. */
  save(bytes: Buffer): string {
    const sha256 = EvidenceStore.hashOf(bytes);
    const target = this.pathOf(sha256);
    if (existsSync(target)) return sha256;
    const folder = join(this.root, sha256.slice(0, 2));
    mkdirSync(folder, { recursive: true });
    const temporary = join(folder, `.${sha256}.${randomUUID()}.part`);
    try {
      const fd = openSync(temporary, 'w', 0o600);
      try {
        writeFileSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, target);
      const dir = openSync(folder, 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    } finally {
      rmSync(temporary, { force: true });
    }
    return sha256;
  }
}
