import { openFromEnv, type DatabaseHandle } from '@/db';

/**
 * Opens the configured database for a command-line script, or exits with the reason (typically:
 * the embedded folder is locked by a running `npm start`) and no stack trace.
 */
export function openOrExit(): DatabaseHandle {
  try {
    return openFromEnv(1);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
