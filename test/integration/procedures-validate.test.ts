import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../server/src/config/app-config.js';

const command = join(repoRoot, 'server/dist/procedures/validate-library.js');

describe('procedures:validate (built server)', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(command)) throw new Error(`${command} is missing: run \`pnpm build\` first`);
    dir = mkdtempSync(join(tmpdir(), 'vigie-validate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) =>
    spawnSync(process.execPath, [command, ...args], { cwd: repoRoot, encoding: 'utf8' });

  it('prints a one-line summary for the real library and exits 0', () => {
    const result = run([]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^procedures\/: \d+ procedures valid \(EOP \d+, SOP \d+, MOP \d+\)\n$/);
  });

  it('prints every problem as file:line: field: message and exits non-zero', () => {
    mkdirSync(join(dir, 'mop'));
    mkdirSync(join(dir, 'eop'));
    writeFileSync(
      join(dir, 'mop/no-rollback.yaml'),
      'id: no-rollback\ntitle: { fr: T, en: T }\nkind: MOP\nrisk: low\napplies_to: [pdu]\nestimated_minutes: 5\nsteps:\n  - id: a\n    text: { fr: A, en: A }\n',
    );
    writeFileSync(join(dir, 'eop/syntax.yaml'), 'id: syntax\ntitle: [\n');
    const result = run([dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^.*\/eop\/syntax\.yaml:2: yaml: /);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^.*\/mop\/no-rollback\.yaml:1: rollback: a MOP \(planned change\) needs rollback steps$/,
      ),
      expect.stringMatching(/^2 problem\(s\) in /),
    ]);
  });
});
