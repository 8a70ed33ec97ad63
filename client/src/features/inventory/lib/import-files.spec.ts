import { describe, expect, it } from 'vitest';
import { isLibraryFile, progressPercent, splitLibraryFiles } from './import-files';

describe('device-type library files', () => {
  it('accepts .yaml and .yml in any case, nothing else', () => {
    expect(['a.yaml', 'b.yml', 'C.YAML', 'd.Yml'].map(isLibraryFile)).toEqual([true, true, true, true]);
    expect(['e.json', 'f.yaml.txt', 'yaml', 'g.ya'].map(isLibraryFile)).toEqual([false, false, false, false]);
  });

  it('splits a selection into files to send and files skipped', () => {
    const { accepted, skipped } = splitLibraryFiles([
      { name: 'r650.yaml' },
      { name: 'notes.md' },
      { name: 'x.yml' },
    ]);
    expect(accepted.map((file) => file.name)).toEqual(['r650.yaml', 'x.yml']);
    expect(skipped.map((file) => file.name)).toEqual(['notes.md']);
  });

  it('rounds and clamps the progress', () => {
    expect([0, 0.333, 1, 1.2, -1, Number.NaN].map(progressPercent)).toEqual([0, 33, 100, 100, 0, 0]);
  });
});
