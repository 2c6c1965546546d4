// Next calls register() once per server process before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootDatabase } = await import('./db/boot');
  try {
    await bootDatabase();
  } catch (err) {
    console.error(`[tenure] could not start: ${(err as Error).message}`);
    process.exit(1);
  }
}
