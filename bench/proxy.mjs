// Proxy benchmark, on loopback against the production build, in one run:
//   (a) the sandbox route, (b) the route in front of a local fake upstream, (c) that upstream called directly,
//   (d) a minimal JSON route of the same app (the framework's floor), (e) a bare Node http server (the machine's floor);
// then a streamed reply's first chunk through the proxy against direct, and memory over 100,000 requests.
// Run with `npm run bench` or `node bench/proxy.mjs` from the project root (Node 22); it builds if needed and
// starts the app itself. Targets: (a) >= 50% of (d)'s requests/s; (b) adds <= 2 ms at p50 over (c);
// first streamed chunk <= 5 ms later through the proxy; memory flat over 100,000 requests.
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import autocannon from 'autocannon';
import { ensureBuild } from '../scripts/lib/build.mjs';
import { startApp } from '../scripts/lib/server.mjs';
import { percentile } from './lib.mjs';
import { startBenchUpstream } from './proxy-upstream.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 3901);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const MEMORY_REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS ?? 100_000);
const LEARNER_KEY = 'sk-bench-learner-key-0123456789';

const body = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Say hello in five words.' }],
});
const streamBody = JSON.stringify({
  model: 'gpt-4o-mini',
  stream: true,
  messages: [{ role: 'user', content: 'Say hello in five words.' }],
});
const json = { 'content-type': 'application/json' };

function cannon(title, options) {
  return new Promise((resolve, reject) => {
    autocannon(
      { connections: CONNECTIONS, ...(options.amount ? {} : { duration: SECONDS }), ...options },
      (error, result) => {
        if (error) return reject(error);
        const bad = result.non2xx + result.errors + result.timeouts;
        if (bad) return reject(new Error(`${title}: ${bad} failed requests out of ${result.requests.total}`));
        resolve({
          title,
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          total: result.requests.total,
        });
      },
    );
  });
}

/** The bare Node floor: the same size of JSON answer, no framework. */
async function startBareServer() {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}

/** Milliseconds per request, sequential: to the first SSE bytes when streaming, else to the whole body. */
async function sequentialTimes(url, headers, payload, count, { firstChunk = false, method = 'POST' } = {}) {
  const times = [];
  for (let i = 0; i < count + 20; i++) {
    const started = performance.now();
    const response = await fetch(
      url,
      method === 'GET' ? {} : { method, headers: { ...json, ...headers }, body: payload },
    );
    if (firstChunk) {
      const reader = response.body.getReader();
      await reader.read();
      times.push(performance.now() - started);
      await reader.cancel();
    } else {
      await response.arrayBuffer();
      times.push(performance.now() - started);
    }
  }
  return times.slice(20).sort((a, b) => a - b); // the first 20 warm up
}

/** Resident memory of a process and its descendants, in MiB (Linux /proc). */
function rssMiB(rootPid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone already
    }
  }
  const family = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (family.has(ppid) && !family.has(pid)) {
        family.add(pid);
        grew = true;
      }
    }
  }
  let kib = 0;
  for (const pid of family) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone already
    }
  }
  return kib / 1024;
}

const row = (r) =>
  `${r.title.padEnd(44)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(5)} ms   p99 ${String(r.p99).padStart(5)} ms`;

// BENCH_SKIP_BUILD=1 measures the build already in .next, as it is.
if (process.env.BENCH_SKIP_BUILD !== '1') await ensureBuild();
const upstream = await startBenchUpstream();
const bare = await startBareServer();
const app = await startApp({
  port: PORT,
  quiet: true,
  env: {
    OPENAI_BASE_URL: upstream.url,
    PROXY_LOG: '0',
    SANDBOX_STREAM_DELAY_MS: '0',
    RATE_LIMIT_RPM: '100000000',
    RATE_LIMIT_TPM: '1000000000',
    RATE_LIMIT_IP_RPM: '100000000',
    RATE_LIMIT_IP_TPM: '1000000000',
    UPSTREAM_RETRIES: '0',
  },
});

try {
  const session = await (await fetch(`${app.url}/api/session`, { method: 'POST' })).json();
  const runner = { ...json, authorization: `Bearer ${session.token}` };
  const learner = { ...json, authorization: `Bearer ${LEARNER_KEY}` };
  const chat = `${app.url}/api/v1/chat/completions`;

  const targets = [
    ['(a) sandbox route', { url: chat, method: 'POST', headers: runner, body }],
    ['(b) route in front of the fake upstream', { url: chat, method: 'POST', headers: learner, body }],
    [
      '(c) fake upstream, direct',
      { url: `${upstream.url}/chat/completions`, method: 'POST', headers: learner, body },
    ],
    ['(d) minimal JSON route of the app (floor)', { url: `${app.url}/api/v1/health` }],
    ['(e) bare Node http server (floor)', { url: bare.url }],
  ];
  for (const [, options] of targets) await cannon('warm-up', { ...options, duration: 2 });
  // Interleaved rounds, best of each: other work on a shared machine slows whichever target it lands on.
  const results = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [title, options] of targets) {
      const result = await cannon(title, options);
      const key = title[1];
      if (!results[key] || result.rps > results[key].rps) results[key] = result;
    }
  }
  console.log(`throughput: ${CONNECTIONS} connections, best of ${ROUNDS} interleaved rounds of ${SECONDS} s`);
  for (const key of 'abcde') console.log(row(results[key]));

  const p50 = (times) => percentile(times, 50);
  const single = { b: [], c: [], d: [], streamProxy: [], streamDirect: [] };
  for (let round = 0; round < ROUNDS; round++) {
    single.d.push(
      p50(await sequentialTimes(`${app.url}/api/v1/health`, {}, undefined, 300, { method: 'GET' })),
    );
    single.b.push(p50(await sequentialTimes(chat, learner, body, 300)));
    single.c.push(p50(await sequentialTimes(`${upstream.url}/chat/completions`, learner, body, 300)));
    single.streamProxy.push(p50(await sequentialTimes(chat, learner, streamBody, 200, { firstChunk: true })));
    single.streamDirect.push(
      p50(
        await sequentialTimes(`${upstream.url}/chat/completions`, learner, streamBody, 200, {
          firstChunk: true,
        }),
      ),
    );
  }
  const low = (values) => Math.min(...values);
  console.log(`one connection, sequential, p50 (lowest of ${ROUNDS} rounds):`);
  console.log(
    `  JSON reply     direct ${low(single.c).toFixed(2)} ms, through the proxy ${low(single.b).toFixed(2)} ms (the app's floor, (d): ${low(single.d).toFixed(2)} ms)`,
  );
  console.log(
    `  first SSE chunk direct ${low(single.streamDirect).toFixed(2)} ms, through the proxy ${low(single.streamProxy).toFixed(2)} ms`,
  );

  const samples = [];
  const step = MEMORY_REQUESTS / 10;
  for (let done = 0; done < MEMORY_REQUESTS; done += step) {
    await cannon('memory', { url: chat, method: 'POST', headers: runner, body, amount: step });
    samples.push(rssMiB(app.child.pid));
  }
  console.log(
    `memory (RSS of the app) every ${step.toLocaleString('en')} sandbox requests: ${samples.map((m) => m.toFixed(0)).join(', ')} MiB`,
  );

  const added = low(single.b) - low(single.c);
  const streamAdded = low(single.streamProxy) - low(single.streamDirect);
  const checks = [
    [
      '(a) >= 50% of (d) requests/s',
      results.a.rps >= 0.5 * results.d.rps,
      `${((results.a.rps / results.d.rps) * 100).toFixed(0)}%`,
    ],
    ['(b) adds <= 2 ms at p50 over (c)', added <= 2, `${added.toFixed(2)} ms`],
    [
      'first streamed chunk <= 5 ms later through the proxy',
      streamAdded <= 5,
      `${streamAdded.toFixed(2)} ms`,
    ],
    [
      'memory flat over the last 90% of requests (< 10% growth)',
      samples.at(-1) <= samples[0] * 1.1,
      `${samples[0].toFixed(0)} -> ${samples.at(-1).toFixed(0)} MiB`,
    ],
  ];
  for (const [name, ok, figure] of checks) console.log(`${ok ? 'PASS' : 'MISS'}  ${name}: ${figure}`);
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(JSON.stringify({ results, single, memoryMiB: samples }));
} finally {
  await app.stop();
  await upstream.close();
  await bare.close();
}
