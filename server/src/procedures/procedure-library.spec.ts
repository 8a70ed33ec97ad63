import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProcedureLibrary } from './procedure-library.js';

const procedure = (id: string, kind: 'EOP' | 'SOP' | 'MOP', title: string) => `id: ${id}
title: { fr: ${title} (fr), en: ${title} }
kind: ${kind}
risk: medium
applies_to: [ups]
categories: [power]
estimated_minutes: 15
steps:
  - id: first
    text: { fr: Premier, en: First }
  - id: second
    text: { fr: Second, en: Second }
${kind === 'MOP' ? 'rollback:\n  - id: undo\n    text: { fr: Annuler, en: Undo }\n' : ''}`;

describe('ProcedureLibrary', () => {
  let folder: string;
  const write = (file: string, content: string) => {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), content);
  };
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'vigie-library-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('is empty until loaded, then lists emergency procedures first and counts steps', () => {
    write('sop/b-routine.yaml', procedure('b-routine', 'SOP', 'Alpha routine'));
    write('mop/a-change.yaml', procedure('a-change', 'MOP', 'Alpha change'));
    write('eop/c-emergency.yaml', procedure('c-emergency', 'EOP', 'Zulu emergency'));
    const library = new ProcedureLibrary(folder);
    expect(library.list()).toEqual([]);
    expect(library.load()).toMatchObject({ procedures: 3, byKind: { EOP: 1, SOP: 1, MOP: 1 }, problems: 0 });
    expect(library.list().map((item) => [item.id, item.stepCount])).toEqual([
      ['c-emergency', 2],
      ['b-routine', 2],
      ['a-change', 2],
    ]);
  });

  it('logs each problem, keeps the good procedures, and forgets a procedure whose file broke', () => {
    write('eop/c-emergency.yaml', procedure('c-emergency', 'EOP', 'Emergency'));
    write('sop/b-routine.yaml', procedure('b-routine', 'SOP', 'Routine'));
    const warnings: string[] = [];
    const library = new ProcedureLibrary(folder, (message) => warnings.push(message));
    library.load();
    expect(library.get('b-routine')).toBeDefined();

    write('sop/b-routine.yaml', procedure('b-routine', 'SOP', 'Routine').replace('risk: medium', 'risk: 4'));
    expect(library.load()).toMatchObject({ procedures: 1, problems: 1 });
    expect(library.get('b-routine')).toBeUndefined();
    expect(library.get('c-emergency')?.procedure.title.en).toBe('Emergency');
    expect(library.problems()).toEqual([
      {
        file: 'sop/b-routine.yaml',
        line: 4,
        field: 'risk',
        message: 'must be one of low, medium, high, critical',
      },
    ]);
    expect(warnings).toEqual([
      'procedure file skipped: sop/b-routine.yaml:4: risk: must be one of low, medium, high, critical',
    ]);
  });
});
