import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  // Relative asset paths: the server serves the bundle from the classpath folder /web/ at whatever prefix it mounts.
  base: './',
  build: {
    // The Maven jar packs target/classes, so the bundle lands on the server's classpath under /web/.
    outDir: 'target/classes/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/ws': { target: backend, ws: true, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./test/setup.ts'],
    include: ['test/**/*.test.{ts,tsx}'],
    // The build machines are small and shared; a user-event test may wait on a busy CPU, never on a timer.
    testTimeout: 30_000,
  },
});
