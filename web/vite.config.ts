/** Vite 8 (rolldown) config for the one web app: public portal at `/`, officials' console at `/admin`. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
    // web/ imports ../domain (zod contracts shared with the server).
    fs: { allow: [repoRoot] },
  },
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // dist/web/.vite/manifest.json: scripts/web-postbuild.ts walks it to report bytes per route.
    manifest: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React, the router and the query cache: loaded by every page, change rarely.
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
              priority: 30,
            },
            // The heavy console-only libraries stay out of the portal's path.
            { name: 'vendor-charts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
            // The portal's map (lazy): its own chunk so it never pulls in the charts.
            { name: 'vendor-map', test: /node_modules[\\/]leaflet[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
