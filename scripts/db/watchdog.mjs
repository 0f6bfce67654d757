// Stops an embedded PostgreSQL when the process that started it is gone, however it went (SIGKILL included).
// Started by scripts/db/embedded.mjs with an IPC channel and in its own process group (so a Ctrl+C or a closed
// terminal that ends the starter does not end the watchdog first). When the channel closes, it stops the
// server, if that is still the very process it was given (same PID and start time, same data folder), and exits.
//
//   node scripts/db/watchdog.mjs <postmaster pid> <data folder>
import { isPostmasterOf, stopPostmaster } from './postmaster.mjs';

const [pidText, dataDir] = process.argv.slice(2);
const pid = Number(pidText);
if (!Number.isInteger(pid) || pid <= 0 || !dataDir || !process.send) {
  console.error('usage (from scripts/db/embedded.mjs only): node scripts/db/watchdog.mjs <pid> <dataDir>');
  process.exit(1);
}
const identity = isPostmasterOf(pid, dataDir);
if (!identity) process.exit(0);

// Signals the terminal sends the group are not for us: our job starts when the starter is gone.
for (const signal of ['SIGINT', 'SIGHUP']) process.on(signal, () => {});
process.on('disconnect', async () => {
  // Stop only the server we were given: the same process (start time) still serving the same folder.
  if (isPostmasterOf(pid, dataDir)?.startTime === identity.startTime) await stopPostmaster(pid);
  process.exit(0);
});
