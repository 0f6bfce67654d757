/**
 * Runs once when the server starts: check the environment before serving anything, so a bad value stops start-up
 * with a message that names the variable instead of failing on some later request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  try {
    env();
  } catch (error) {
    console.error(`\n✖ ${(error as Error).message}\n`);
    process.exit(1);
  }
}
