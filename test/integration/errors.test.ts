import { errorBodySchema } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';
import { countRows } from './support/sqlite.js';

describe('bad input gets the documented error and changes nothing', () => {
  let t: TestApp;
  let admin: ApiClient;
  let usersBefore: number;
  let auditBefore: number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedIn(t.url, 'admin');
    usersBefore = countRows(t.config.databaseFile, 'app_user');
    auditBefore = countRows(t.config.databaseFile, 'audit_event');
  });
  afterAll(() => t.close());

  const expectError = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    const body = errorBodySchema.parse(await response.json());
    expect(body.error.code).toBe(code);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
    return body.error;
  };

  const validUser = {
    username: 'new.tech',
    displayName: 'New Tech',
    role: 'technician',
    password: 'a-long-enough-password',
  };

  it('rejects unknown fields, naming them', async () => {
    const error = await expectError(
      await admin.post('/api/users', { ...validUser, isAdmin: true }),
      400,
      'validation_failed',
    );
    expect(error.fields).toEqual([
      { path: '', message: 'unknown field(s): isAdmin', code: 'unknown_fields', params: { keys: 'isAdmin' } },
    ]);
  });

  it('names every invalid field by its path', async () => {
    const error = await expectError(
      await admin.post('/api/users', { ...validUser, username: 'Not Valid!', password: 'short' }),
      400,
      'validation_failed',
    );
    expect(error.fields?.map((field) => field.path).sort()).toEqual(['password', 'username']);
  });

  it('enforces the tenant rule of client viewers', async () => {
    const error = await expectError(
      await admin.post('/api/users', { ...validUser, role: 'client_viewer' }),
      400,
      'validation_failed',
    );
    expect(error.fields?.[0]?.path).toBe('tenantId');
  });

  it('answers malformed JSON with malformed_json', async () => {
    await expectError(await admin.post('/api/users', '{"username": "x",'), 400, 'malformed_json');
  });

  it('refuses an oversized body with payload_too_large', async () => {
    const huge = { ...validUser, displayName: 'x'.repeat(2 * 1024 * 1024) };
    await expectError(await admin.post('/api/users', huge), 413, 'payload_too_large');
  });

  it('answers unknown routes with not_found in the same format', async () => {
    await expectError(await admin.get('/api/no-such-thing'), 404, 'not_found');
    await expectError(await admin.post('/api/no-such-thing', {}), 404, 'not_found');
  });

  it('answers a non-numeric id with a 400', async () => {
    await expectError(await admin.get('/api/users/abc'), 400, 'bad_request');
  });

  it('left users and the audit trail untouched', () => {
    expect(countRows(t.config.databaseFile, 'app_user')).toBe(usersBefore);
    expect(countRows(t.config.databaseFile, 'audit_event')).toBe(auditBefore);
  });
});
