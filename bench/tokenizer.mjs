// Tokenizer benchmark: how long the bounded counter takes on a 256 kB body of each shape a caller could send,
// pathological ones included (one character repeated, CJK, emoji, one huge name or tool description).
// Run with `node bench/tokenizer.mjs` from the project root (Node 22, which strips the TypeScript types).
// Target: every shape counted in under 200 ms (issue 10, finding 1). Exits non-zero when a shape misses it.
import os from 'node:os';
import { countPromptTokens, countTextTokens } from '../lib/models/tokenizer.ts';
import { percentile } from './lib.mjs';

const BYTES = 256 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_MS = 200;

const fill = (unit) => unit.repeat(Math.ceil(BYTES / Buffer.byteLength(unit))).slice(0, BYTES);
const cycle = (alphabet, step) =>
  Array.from({ length: BYTES }, (_, i) => alphabet[(i * step) % alphabet.length]).join('');

const texts = {
  'prose (English)': fill('The quick brown fox jumps over the lazy dog. '),
  '`!` repeated': fill('!'),
  'one letter repeated': fill('a'),
  spaces: fill(' '),
  digits: fill('7'),
  'letters, no spaces': cycle('abcdefghijklmnopqrstuvwxyz', 7919),
  'CJK, one character': '漢'.repeat(BYTES / 3),
  'emoji ZWJ sequences': fill('👩‍💻'),
  'base64-like': cycle('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 31),
  'classes alternating': cycle('a!1 漢', 31),
};
const requests = {
  'message name of `!`': () => countPromptTokens([{ role: 'user', content: 'Hi', name: fill('!') }]),
  'tool description of one letter': () =>
    countPromptTokens(
      [{ role: 'user', content: 'Hi' }],
      [{ type: 'function', function: { name: 'f', description: fill('z') } }],
    ),
  'tool call arguments of `{`': () =>
    countPromptTokens([
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: fill('{') } }],
      },
    ]),
  '64 messages of 4 kB prose': () =>
    countPromptTokens(
      Array.from({ length: 64 }, () => ({ role: 'user', content: texts['prose (English)'].slice(0, 4096) })),
    ),
};

countTextTokens('warm up the encoder');
const rows = [];
const time = (label, run) => {
  const ms = [];
  let tokens = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    tokens = run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  rows.push({ label, tokens, p50: percentile(ms, 50), max: ms[ms.length - 1] });
};
for (const [label, text] of Object.entries(texts)) time(label, () => countTextTokens(text));
for (const [label, run] of Object.entries(requests)) time(label, run);

console.log(`| 256 kB of | tokens | p50 | max (${ROUNDS} runs) |`);
console.log('| --- | ---: | ---: | ---: |');
for (const r of rows)
  console.log(`| ${r.label} | ${r.tokens} | ${r.p50.toFixed(1)} ms | ${r.max.toFixed(1)} ms |`);
console.log(
  `\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, load ${os.loadavg()[0].toFixed(1)}`,
);
const slow = rows.filter((r) => r.max >= TARGET_MS);
if (slow.length) {
  console.error(`over ${TARGET_MS} ms: ${slow.map((r) => r.label).join(', ')}`);
  process.exitCode = 1;
}
