import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The dashboard: `npm run build:web` writes dist/web/ (index.html and assets), which the
 * server serves at `/` beside the API at `/api`. In dev (`npx vite --config web/vite.config.ts`)
 * /api is proxied to a server on :4600, server-sent events included.
 */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:4600', changeOrigin: false },
    },
  },
});
