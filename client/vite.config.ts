/// <reference types="node" />
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { serviceWorkerPlugin } from './src/app/service-worker/precache-plugin';

// The API and the live channel share one origin in production; in development vite proxies them.
const apiTarget = `http://localhost:${process.env.VIGIE_API_PORT ?? '3000'}`;

export default defineConfig({
  plugins: [react(), serviceWorkerPlugin(`${import.meta.dirname}/src/app/service-worker/sw.ts`)],
  resolve: {
    // 'source' first: @vigie/shared is read from its TypeScript sources, no build step needed.
    conditions: ['source', ...defaultClientConditions],
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/live': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/live': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 20,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
