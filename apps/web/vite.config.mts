// The web UI: built by scripts/lib/build.mjs into apps/web/dist, which the API serves on its own
// origin. `npx vite --config apps/web/vite.config.mts` serves it with hot reload against an API on PORT.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: at('.'),
  publicDir: false,
  resolve: {
    // Types (and a few pure constants) come from the one domain definition the server uses.
    alias: { '@hardtech/domain': at('../../libs/domain/src') },
  },
  build: {
    outDir: at('dist'),
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunk imports which (test/ops/web-size.test.ts reads it).
    manifest: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; a client bundle ignores it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` } },
  test: {
    environment: 'jsdom',
    setupFiles: [at('src/test/setup.ts')],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 60_000,
  },
});
