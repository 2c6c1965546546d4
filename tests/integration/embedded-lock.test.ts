import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbedded } from '@/db/index';

// Two processes on one PGlite folder silently lose data, so the folder is locked by its opener.
describe('embedded database folder lock', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenure-lock-'));
  const dir = path.join(dataDir, 'pglite');
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second opener while held, in this process and in a script, and frees it on close', async () => {
    const first = openEmbedded(dir);
    try {
      expect(() => openEmbedded(dir)).toThrow(/in use by another Tenure process/);
      const script = spawnSync('npx', ['tsx', 'scripts/migrate.ts'], {
        env: { ...process.env, TENURE_DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(script.status).toBe(1);
      expect(script.stderr).toMatch(/in use by another Tenure process/);
      expect(script.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    } finally {
      await first.close();
    }
    const again = openEmbedded(dir);
    await again.close();
  }, 90_000);
});
