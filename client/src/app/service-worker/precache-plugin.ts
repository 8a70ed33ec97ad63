/// <reference types="node" />
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

const workerFile = 'sw.js';
const buildPlaceholder = '__VIGIE_SW_BUILD__';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Builds the service worker (sw.ts) as dist/sw.js and writes into it the list of files to precache
 * (every built file and public file but source maps) and a version derived from that list: the
 * built names carry content hashes, so any change of the app gives a new worker and a new cache.
 * Build only; in development there is no service worker.
 */
export function serviceWorkerPlugin(workerSource: string): Plugin {
  let publicDir = '';
  return {
    name: 'vigie-service-worker',
    apply: 'build',
    // After the other plugins, so every asset they emit is in the bundle listed here.
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: workerSource, fileName: workerFile });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[workerFile];
      if (worker?.type !== 'chunk') throw new Error(`${workerFile} was not built`);
      const publicFiles = publicDir ? filesUnder(publicDir) : [];
      const files = [...new Set([...Object.keys(bundle), ...publicFiles, 'index.html'])]
        .filter((file) => file !== workerFile && !file.endsWith('.map'))
        .sort();
      const version = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
      if (!worker.code.includes(buildPlaceholder)) throw new Error(`${workerFile} lost ${buildPlaceholder}`);
      worker.code = worker.code.replaceAll(buildPlaceholder, JSON.stringify({ version, files }));
    },
  };
}
