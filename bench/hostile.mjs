// Hostile-request benchmark (issue 10, finding 1), on loopback against the production build: bodies of about
// 256 kB built to make the server work hard (long runs of one character, a huge name or tool description, a schema
// asking for megabytes, many long messages), each sent with a runner token to the sandbox. Targets: every one is
// answered or refused in under 200 ms, and /api/v1/health stays under 50 ms while 4 of them run at once.
// Run with `node bench/hostile.mjs` from the project root (Node 22); it builds if needed and starts the app itself.
import os from 'node:os';
import { ensureBuild } from '../scripts/lib/build.mjs';
import { startApp } from '../scripts/lib/server.mjs';
import { percentile } from './lib.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 3902);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const KB = 1024;

const chat = (extra) => ({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }], ...extra });
const run = (ch, n) => ch.repeat(n);
const words = (n) =>
  Array.from({ length: n }, (_, i) => ['alpha', 'beta', 'gamma', 'delta', 'token'][i % 5] + i).join(' ');

/** Each shape near 256 kB of JSON, as an attacker would send it without a real key. */
const SHAPES = {
  'name of 64,000 "!"': chat({ messages: [{ role: 'user', name: run('!', 64_000), content: 'Hi' }] }),
  'one message of 250 kB "a"': chat({ messages: [{ role: 'user', content: run('a', 250 * KB) }] }),
  'tool description of 200 kB "x"': chat({
    tools: [
      {
        type: 'function',
        function: {
          name: 'f',
          description: run('x', 200 * KB),
          parameters: { type: 'object', properties: {} },
        },
      },
    ],
  }),
  'eight messages of 30 kB words': chat({
    messages: Array.from({ length: 8 }, () => ({ role: 'user', content: words(4_000).slice(0, 30 * KB) })),
  }),
  'four messages of 30 kB "!" (within the caps)': chat({
    messages: Array.from({ length: 4 }, () => ({ role: 'user', content: run('!', 30_000) })),
  }),
  'schema asking for minItems 100000': chat({
    messages: [{ role: 'user', content: 'Give me JSON.' }],
    response_format: {
      type: 'json_schema',
      json_schema: {
        name: 'big',
        strict: true,
        schema: {
          type: 'object',
          properties: {
            xs: { type: 'array', minItems: 100_000, items: { type: 'string', minLength: 40_000 } },
          },
          required: ['xs'],
          additionalProperties: false,
        },
      },
    },
  }),
};

async function token(base) {
  const response = await fetch(`${base}/api/session`, { method: 'POST' });
  return (await response.json()).token;
}

async function send(base, key, body) {
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body,
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

await ensureBuild();
const app = await startApp({
  port: PORT,
  quiet: true,
  env: { RATE_LIMIT_RPM: '100000', RATE_LIMIT_IP_RPM: '100000' },
});
const base = app.url;
try {
  const key = await token(base);
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log('\nshape                                          size     status  p50 ms  max ms');
  let worst = 0;
  let heaviest = '';
  for (const [name, payload] of Object.entries(SHAPES)) {
    const body = JSON.stringify(payload);
    const times = [];
    let status = 0;
    for (let i = 0; i < REPEATS + 1; i++) {
      const result = await send(base, key, body);
      if (i > 0) times.push(result.ms); // the first is a warm-up
      status = result.status;
    }
    times.sort((a, b) => a - b);
    const max = times.at(-1);
    if (max > worst) [worst, heaviest] = [max, name];
    console.log(
      `${name.padEnd(46)} ${(body.length / KB).toFixed(0).padStart(4)} kB  ${String(status).padStart(6)}  ${percentile(times, 50).toFixed(1).padStart(6)}  ${max.toFixed(1).padStart(6)}`,
    );
  }

  // Four of the heaviest at once, again and again, while a health check polls.
  const body = JSON.stringify(SHAPES[heaviest]);
  let busy = true;
  const load = Promise.all(
    Array.from({ length: 4 }, async () => {
      while (busy) await send(base, key, body);
    }),
  );
  const health = [];
  const until = performance.now() + 3_000;
  while (performance.now() < until) {
    const started = performance.now();
    await (await fetch(`${base}/api/v1/health`)).arrayBuffer();
    health.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 10));
  }
  busy = false;
  await load;
  health.sort((a, b) => a - b);
  console.log(
    `\n/api/v1/health while 4 × "${heaviest}" run: ${health.length} checks, p50 ${percentile(health, 50).toFixed(1)} ms, p99 ${percentile(health, 99).toFixed(1)} ms, max ${health.at(-1).toFixed(1)} ms`,
  );
  console.log(
    `targets: every shape < 200 ms (worst ${worst.toFixed(1)} ms: ${worst < 200 ? 'met' : 'MISSED'}); health < 50 ms (p99 ${percentile(health, 99).toFixed(1)} ms: ${percentile(health, 99) < 50 ? 'met' : 'MISSED'})`,
  );
} finally {
  await app.stop();
}
