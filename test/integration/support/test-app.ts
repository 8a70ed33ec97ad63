import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../../server/src/app.factory.js';
import { loadConfig, type AppConfig } from '../../../server/src/config/app-config.js';

export const demoPassword = 'vigie-demo';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  dir: string;
  close(): Promise<void>;
}

/** A real Vigie on a random port with its own SQLite file in a temp dir; demo data unless `demo: false`. */
export async function startTestApp(
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${join(dir, 'vigie.db')}`,
    VIGIE_DEMO: options.demo === false ? '0' : '1',
    CLIENT_DIST: join(dir, 'no-client'),
    LOG_LEVEL: 'error',
    ...options.env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    config,
    url: `http://127.0.0.1:${port}`,
    dir,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fetch client that keeps the session cookie, like a browser would. */
export class ApiClient {
  cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    return response;
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, body, headers);
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body);

  async login(username: string, password = demoPassword): Promise<Response> {
    return this.post('/api/auth/login', { username, password });
  }
}

export async function signedIn(
  baseUrl: string,
  username: string,
  password = demoPassword,
): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const response = await client.login(username, password);
  if (response.status !== 200) throw new Error(`sign-in as ${username} failed: ${response.status}`);
  return client;
}
