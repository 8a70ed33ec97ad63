import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../server/src/config/app-config.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const committedDocument = join(repoRoot, 'docs/openapi.json');

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: unknown }>>;
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    t = await startTestApp({ demo: false });
    const response = await fetch(`${t.url}/api/docs/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
  });
  afterAll(() => t.close());

  it('documents the routes with request bodies from the shared schemas', () => {
    expect(document.paths['/api/auth/login']?.post?.requestBody).toBeDefined();
    expect(document.paths['/api/users/{id}']?.patch?.requestBody).toBeDefined();
    expect(JSON.stringify(document)).toContain('"username"');
  });

  it('serves the documentation page', async () => {
    const response = await fetch(`${t.url}/api/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });

  it('matches the committed docs/openapi.json (run `pnpm openapi:update` after an API change)', () => {
    const current = `${JSON.stringify(document, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(committedDocument, current);
    expect(current).toBe(readFileSync(committedDocument, 'utf8'));
  });
});
