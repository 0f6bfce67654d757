import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * How every headless Chromium here starts (tests, benchmarks, image rendering): no sandbox and no GPU in a container,
 * no shared-memory file system assumed, and nothing that reaches the network on its own (updates, sync, first-run).
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The end-to-end tests use Debian's Chromium, never a downloaded browser. Install it when we can. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const install = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium';
  if (process.getuid?.() === 0) {
    console.log(`▸ Chromium is missing; installing Debian's package: ${install}`);
    execFileSync('sh', ['-c', install], { stdio: 'inherit' });
    if (existsSync(CHROMIUM)) return;
  }
  console.error(`✖ The end-to-end tests need Chromium at ${CHROMIUM}. Install it with:\n    sudo sh -c '${install}'\n  or set CHROMIUM_PATH to a Chromium binary.`);
  process.exit(1);
}
