import { Inject, Injectable } from '@nestjs/common';
import type { ProcedureLibraryStatus } from '@vigie/shared';
import { Writer } from '../database/writer.js';
import { formatProblem } from './library-validator.js';
import { ProcedureLibrary } from './procedure-library.js';

/** What a reload changed: procedures added, changed (new version) and removed, by id. */
function versionChanges(before: Record<string, string>, after: Record<string, string>) {
  const ids = (record: Record<string, string>) => Object.keys(record).sort();
  return {
    added: ids(after).filter((id) => !(id in before)),
    changed: ids(after).filter((id) => id in before && before[id] !== after[id]),
    removed: ids(before).filter((id) => !(id in after)),
  };
}

/**
 * An admin's reload of the procedure library, audited: the folder is read, the audit event (versions
 * before and after, what changed, the files skipped) is committed, and only then is the new library
 * served. It reloads the process that received the request; with several server processes, each one
 * reads the folder at start and must be reloaded (or restarted) to see a change.
 */
@Injectable()
export class LibraryReloadService {
  constructor(
    private readonly writer: Writer,
    @Inject(ProcedureLibrary) private readonly library: ProcedureLibrary,
  ) {}

  async reload(): Promise<ProcedureLibraryStatus> {
    const next = this.library.read();
    const before = this.library.versions();
    const after = this.library.versions(next);
    await this.writer.run(async (tx) => {
      await tx.audit({
        action: 'procedures.reload',
        entityType: 'ProcedureLibrary',
        entityId: 'library',
        before: {
          versions: before,
          problems: this.library.problems().map((problem) => formatProblem(problem)),
        },
        after: {
          versions: after,
          ...versionChanges(before, after),
          problems: next.problems.map((problem) => formatProblem(problem)),
        },
      });
    });
    return this.library.use(next);
  }
}
