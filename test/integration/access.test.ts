import { can, roles, type Role } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signedIn, startTestApp, type TestApp } from './support/test-app.js';
import { concretePath, declaredRoutes, type DeclaredRoute } from './support/routes.js';

const demoUserOf: Record<Role, string> = {
  admin: 'admin',
  coordinator: 'coordinator',
  technician: 'technician',
  manager: 'manager',
  client_viewer: 'viewer',
};

describe('access control on every route', () => {
  let t: TestApp;
  let routes: DeclaredRoute[];
  const clients = new Map<Role, ApiClient>();

  beforeAll(async () => {
    t = await startTestApp();
    routes = declaredRoutes(t.app);
    for (const role of roles) clients.set(role, await signedIn(t.url, demoUserOf[role]));
  });
  afterAll(() => t.close());

  const call = (client: ApiClient, route: DeclaredRoute) =>
    client.request(route.method, concretePath(route.path), route.method === 'GET' ? undefined : {});

  it('finds the application routes', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toContain('POST /api/auth/login');
  });

  it('declares an access rule on every route', () => {
    const undeclared = routes.filter((route) => !route.rule).map((route) => route.handler);
    expect(undeclared).toEqual([]);
  });

  // Pinned on purpose: a route made public or open to any signed-in user must be added here consciously.
  const routesWithRule = (kind: 'public' | 'signed-in') =>
    routes
      .filter((route) => route.rule?.kind === kind)
      .map((route) => `${route.method} ${route.path} ${route.handler}`)
      .sort();

  it('opens exactly sign-in and health to anonymous callers', () => {
    expect(routesWithRule('public')).toEqual([
      'GET /api/health HealthController.health',
      'POST /api/auth/login AuthController.login',
    ]);
  });

  it('opens exactly the own-account routes to any signed-in user, whatever the role', () => {
    expect(routesWithRule('signed-in')).toEqual([
      'GET /api/auth/me AuthController.me',
      'PATCH /api/auth/me AuthController.updateMe',
      'POST /api/auth/logout AuthController.logout',
    ]);
  });

  it('answers 401 to anonymous callers on every route that is not public', async () => {
    const anonymous = new ApiClient(t.url);
    for (const route of routes.filter((r) => r.rule?.kind !== 'public')) {
      const response = await call(anonymous, route);
      expect({ route: route.handler, status: response.status }).toEqual({
        route: route.handler,
        status: 401,
      });
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
  });

  it('applies the role table to every permission-guarded route, for every role', async () => {
    const guarded = routes.filter((route) => route.rule?.kind === 'permission');
    for (const route of guarded) {
      for (const role of roles) {
        const rule = route.rule;
        if (rule?.kind !== 'permission') continue;
        // Sign-out would end the session used for the next calls.
        const response = await call(clients.get(role)!, route);
        const denied = response.status === 403;
        expect({ route: route.handler, role, denied }).toEqual({
          route: route.handler,
          role,
          denied: !can(role, rule.permission),
        });
      }
    }
  });
});
