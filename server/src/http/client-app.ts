import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Serves the built SPA on the API's port; client-side routes fall back to index.html. */
export function serveClientApp(app: NestExpressApplication, clientDist: string): boolean {
  const indexFile = join(clientDist, 'index.html');
  if (!existsSync(indexFile)) return false;
  const workerFile = join(clientDist, 'sw.js');
  // The service worker: always revalidated, so a deploy reaches the devices at their next visit.
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isWorker = request.path === '/sw.js' && (request.method === 'GET' || request.method === 'HEAD');
    if (!isWorker || !existsSync(workerFile)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(workerFile, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  });
  app.useStaticAssets(clientDist, { index: false, maxAge: '1h', immutable: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage = request.method === 'GET' && request.accepts('html') === 'html';
    if (!isPage || request.path.startsWith('/api') || request.path.startsWith('/live')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
  return true;
}
