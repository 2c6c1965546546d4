import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// An .mts file: Vite warns when it loads ESM syntax from a .ts file in a CommonJS package.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // DAL modules `import 'server-only'`, which throws anywhere but a Next server build.
      'server-only': path.join(root, 'tests/setup/empty.ts'),
    },
  },
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['lib/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // Migrates once (PGlite template or the PostgreSQL test database); files only load it.
          globalSetup: ['tests/setup/global.ts'],
          setupFiles: ['tests/setup/db.ts'],
          // Loading the PGlite template takes ~0.4 s per file, a slow CI machine several times that.
          testTimeout: 15_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
