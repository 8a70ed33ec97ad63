import { describe, expect, it } from 'vitest';
import { staticRoutes, strategyFor, type RequestFacts } from './sw-routes';

const origin = 'https://vigie.example';
const get = (path: string, mode = 'cors') => ({ method: 'GET', mode, url: `${origin}${path}` });

describe('strategyFor', () => {
  it('answers app pages from the network, or the cached shell offline', () => {
    expect(strategyFor(get('/runs/12', 'navigate'), origin)).toBe('app-page');
    expect(strategyFor(get('/', 'navigate'), origin)).toBe('app-page');
  });

  it('serves built and public files from the cache', () => {
    expect(strategyFor(get('/assets/index-abc123.js', 'no-cors'), origin)).toBe('app-file');
    expect(strategyFor(get('/favicon.svg', 'no-cors'), origin)).toBe('app-file');
  });

  it('keeps only the reads a run page and "my runs" need', () => {
    expect(strategyFor(get('/api/auth/me'), origin)).toBe('kept-api');
    expect(strategyFor(get('/api/runs/12'), origin)).toBe('kept-api');
    expect(strategyFor(get('/api/runs?mine=true&limit=50'), origin)).toBe('kept-api');
    expect(strategyFor(get('/api/sites'), origin)).toBe('kept-api');
    for (const path of ['/api/incidents', '/api/runs/12/export.pdf', '/api/audit', '/api/users/1']) {
      expect({ path, strategy: strategyFor(get(path), origin) }).toEqual({ path, strategy: 'pass' });
    }
  });

  it('never touches writes, the live channel, API pages or other origins', () => {
    const post = (path: string) => ({ method: 'POST', mode: 'cors', url: `${origin}${path}` });
    expect(strategyFor(post('/api/runs/12/steps/a'), origin)).toBe('pass');
    expect(strategyFor({ ...get('/api/runs/12'), method: 'PATCH' }, origin)).toBe('pass');
    expect(strategyFor(get('/live/?EIO=4&transport=polling'), origin)).toBe('pass');
    expect(strategyFor(get('/api/docs', 'navigate'), origin)).toBe('pass');
    expect(strategyFor(get('/x.js'), 'https://other.example')).toBe('pass');
  });

  it('forgets the kept answers at sign-in and sign-out', () => {
    const post = (path: string) => ({ method: 'POST', mode: 'cors', url: `${origin}${path}` });
    expect(strategyFor(post('/api/auth/login'), origin)).toBe('sign-in');
    expect(strategyFor(post('/api/auth/logout'), origin)).toBe('sign-out');
  });

  it('gives the static router the same choices: only what the worker answers wakes it', () => {
    // The browser's rule: the first rule whose URL pattern and method match decides.
    const routed = (request: RequestFacts) =>
      staticRoutes.find(
        ({ condition }) =>
          new URLPattern(condition.urlPattern).test(request.url) &&
          (condition.requestMethod === undefined || condition.requestMethod === request.method),
      )?.source ?? 'fetch-event';
    const requests: RequestFacts[] = [
      get('/api/auth/me'),
      get('/api/runs?mine=true'),
      get('/api/runs/12'),
      get('/api/sites'),
      get('/api/runs/12/export.pdf'),
      get('/api/incidents?status=new'),
      get('/live/?EIO=4&transport=polling'),
      { method: 'POST', mode: 'cors', url: `${origin}/api/auth/login` },
      { method: 'POST', mode: 'cors', url: `${origin}/api/auth/logout` },
      { method: 'POST', mode: 'cors', url: `${origin}/api/runs/12/steps/a` },
      { method: 'PATCH', mode: 'cors', url: `${origin}/api/auth/me` },
      get('/runs/12', 'navigate'),
      get('/assets/index-abc123.js', 'no-cors'),
    ];
    for (const request of requests) {
      const byWorker = strategyFor(request, origin) !== 'pass';
      expect({ request, source: routed(request) }).toEqual({
        request,
        source: byWorker ? 'fetch-event' : 'network',
      });
    }
  });
});
