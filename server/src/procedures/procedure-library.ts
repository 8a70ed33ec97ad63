import {
  type ProcedureDetail,
  type ProcedureLibraryStatus,
  type ProcedureListQuery,
  type ProcedureProblem,
  type ProcedureSummary,
} from '@vigie/shared';
import {
  countByKind,
  formatProblem,
  type LoadedProcedure,
  stepCount,
  validateLibrary,
} from './library-validator.js';

/** The library as read at one moment; `ProcedureLibrary.use` makes it the current one. */
export interface LibrarySnapshot {
  loadedAt: Date;
  byId: ReadonlyMap<string, LoadedProcedure>;
  problems: readonly ProcedureProblem[];
}

function summaryOf({ file, version, procedure }: LoadedProcedure): ProcedureSummary {
  return {
    id: procedure.id,
    version,
    file,
    title: procedure.title,
    kind: procedure.kind,
    risk: procedure.risk,
    applies_to: procedure.applies_to,
    categories: procedure.categories,
    estimated_minutes: procedure.estimated_minutes,
    stepCount: stepCount(procedure),
  };
}

const kindOrder = { EOP: 0, SOP: 1, MOP: 2 } as const;

/**
 * The procedure library as read from its folder: no database, no state beyond the last snapshot,
 * which every process rebuilds from the same files. A malformed file is reported and skipped.
 */
export class ProcedureLibrary {
  private snapshot: LibrarySnapshot = { loadedAt: new Date(0), byId: new Map(), problems: [] };

  constructor(
    readonly folder: string,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  /** Reads the whole folder again; the new snapshot replaces the old one only once it is complete. */
  load(): ProcedureLibraryStatus {
    return this.use(this.read());
  }

  /** Reads and validates the folder without changing what the library serves. */
  read(): LibrarySnapshot {
    const { procedures, problems } = validateLibrary(this.folder);
    return {
      loadedAt: new Date(),
      byId: new Map(procedures.map((loaded) => [loaded.procedure.id, loaded])),
      problems,
    };
  }

  /** Serves `snapshot` from now on, logging each skipped file. */
  use(snapshot: LibrarySnapshot): ProcedureLibraryStatus {
    for (const problem of snapshot.problems) this.warn(`procedure file skipped: ${formatProblem(problem)}`);
    this.snapshot = snapshot;
    return this.status();
  }

  /** The version (content hash) of each procedure served, by id. */
  versions(snapshot: LibrarySnapshot = this.snapshot): Record<string, string> {
    return Object.fromEntries([...snapshot.byId].map(([id, loaded]) => [id, loaded.version]));
  }

  status(): ProcedureLibraryStatus {
    const procedures = [...this.snapshot.byId.values()];
    return {
      loadedAt: this.snapshot.loadedAt.toISOString(),
      procedures: procedures.length,
      byKind: countByKind(procedures),
      problems: this.snapshot.problems.length,
    };
  }

  /** Summaries sorted by kind (emergency first), then title, narrowed by the query's filters. */
  list(query: ProcedureListQuery = {}): ProcedureSummary[] {
    const search = query.search?.toLowerCase();
    return [...this.snapshot.byId.values()]
      .filter(({ procedure }) => !query.kind || procedure.kind === query.kind)
      .filter(({ procedure }) => !query.category || procedure.categories.includes(query.category))
      .filter(({ procedure }) => !query.appliesTo || procedure.applies_to.includes(query.appliesTo))
      .filter(
        ({ procedure }) =>
          !search ||
          [procedure.id, procedure.title.fr, procedure.title.en].some((text) =>
            text.toLowerCase().includes(search),
          ),
      )
      .sort(
        (a, b) =>
          kindOrder[a.procedure.kind] - kindOrder[b.procedure.kind] ||
          a.procedure.title.en.localeCompare(b.procedure.title.en),
      )
      .map(summaryOf);
  }

  get(id: string): ProcedureDetail | undefined {
    const loaded = this.snapshot.byId.get(id);
    return loaded && { version: loaded.version, file: loaded.file, procedure: loaded.procedure };
  }

  problems(): ProcedureProblem[] {
    return [...this.snapshot.problems];
  }
}
