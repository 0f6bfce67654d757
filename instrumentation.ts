/**
 * Runs once when the server starts: check the environment before serving anything, so a bad value stops start-up
 * with a message that names the variable instead of failing on some later request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkEnvOrExit } = await import('./lib/check-env');
    checkEnvOrExit();
  }
}
