import 'server-only';
import { env } from './env';

/** Stops the server at start-up when the environment is invalid, naming each bad variable. */
export function checkEnvOrExit(): void {
  try {
    env();
  } catch (error) {
    console.error(`\n✖ ${(error as Error).message}\n`);
    process.exit(1);
  }
}
