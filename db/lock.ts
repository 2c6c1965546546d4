import lockfile from 'proper-lockfile';

/**
 * Two processes on one PGlite folder silently lose data, so whoever opens the folder holds an
 * exclusive lock on it for as long as it runs. A crashed holder's lock goes stale in 10 s.
 */
export function lockDataDir(dir: string): () => void {
  try {
    return lockfile.lockSync(dir, {
      realpath: false,
      stale: 10_000,
      update: 3_000,
      onCompromised: (err) => console.error(`[tenure] lost the lock on ${dir}: ${err.message}`),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new Error(
        `The embedded database in ${dir} is in use by another Tenure process (is \`npm start\` running?). ` +
          'Stop that process first, or set DATABASE_URL to use a PostgreSQL server.',
      );
    }
    throw err;
  }
}
