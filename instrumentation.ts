// Next calls register() once per server process before it serves requests. The Node-only work
// lives in db/boot.ts, so the Edge build of this file uses no Node API.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootOrExit } = await import('./db/boot');
  await bootOrExit();
}
