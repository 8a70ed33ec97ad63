import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repoRoot } from './app-config.js';
import { resolveSessionSecret } from './session-secret.js';

describe('loadConfig', () => {
  it('has defaults that serve the demo on port 3000 from data/vigie.db', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, demo: true, databaseFile: join(repoRoot, 'data/vigie.db') });
    expect(config.dataDir).toBe(join(repoRoot, 'data'));
    expect(config.sessionSecret).toBeUndefined();
  });

  it('reads the environment', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'file:/var/lib/vigie/prod.db', VIGIE_DEMO: '0' });
    expect(config).toMatchObject({ port: 8080, demo: false, databaseFile: '/var/lib/vigie/prod.db' });
  });

  it('refuses bad values, naming each variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '99999', VIGIE_DEMO: 'maybe' })).toThrow(/PORT[\s\S]*VIGIE_DEMO/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/vigie' })).toThrow(/only SQLite file URLs/);
  });

  it('accepts a body limit that body-parser understands and refuses anything else at start', () => {
    expect(loadConfig({}).bodyLimit).toBe('1mb');
    expect(loadConfig({ BODY_LIMIT: '512kb' }).bodyLimit).toBe('512kb');
    expect(loadConfig({ BODY_LIMIT: '2097152' }).bodyLimit).toBe('2097152');
    for (const bad of ['abc', '1 megabyte', '-1mb', '']) {
      expect(() => loadConfig({ BODY_LIMIT: bad })).toThrow(/BODY_LIMIT: a size such as 512kb or 1mb/);
    }
  });

  it('bounds what a live socket may have queued: 1 MiB by default, at least 16 KiB', () => {
    expect(loadConfig({}).liveQueueKb).toBe(1024);
    expect(loadConfig({ VIGIE_LIVE_QUEUE_KB: '256' }).liveQueueKb).toBe(256);
    expect(() => loadConfig({ VIGIE_LIVE_QUEUE_KB: '4' })).toThrow(/VIGIE_LIVE_QUEUE_KB/);
  });
});

describe('resolveSessionSecret', () => {
  it('generates a secret on first start, keeps it private, and reuses it afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-secret-'));
    const first = resolveSessionSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(64);
    expect(statSync(join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
    expect(resolveSessionSecret(undefined, dir)).toBe(first);
    expect(resolveSessionSecret(undefined, mkdtempSync(join(tmpdir(), 'vigie-secret-')))).not.toBe(first);
  });

  it('never keys sessions with an empty secret: a file a crash left empty is replaced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-secret-'));
    writeFileSync(join(dir, 'session-secret'), '', { mode: 0o600 });
    const secret = resolveSessionSecret(undefined, dir);
    expect(secret.length).toBeGreaterThanOrEqual(64);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(secret);
    expect(readdirSync(dir)).toEqual(['session-secret']);
  });

  it('prefers the configured secret', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-secret-'));
    expect(resolveSessionSecret('x'.repeat(40), dir)).toBe('x'.repeat(40));
  });
});
