import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecordings } from '@/lib/backends/sandbox';
import { createSandboxFetch } from '@/lib/backends/sandbox/fetch';
import { readCourse } from '@/lib/lessons/read';
import { checkRun } from '@/lib/quiz/challenges';
import { runExchangeSchema, type RunExchange } from '@/lib/quiz/exchange';
import { parseQuiz } from '@/lib/quiz/parse';
import { replayOnSandbox } from '@/lib/quiz/replay';

/**
 * The Go tour's promise, for challenges: every lesson's solution, run as a learner would run it (Node 22, tsx, the
 * real `openai` SDK), passes every challenge of its quiz; the starter passes none, so there is something to do.
 * The program talks to a local HTTP server over the sandbox model, which records each exchange as the runner would.
 */
const LESSONS = path.join(process.cwd(), 'lessons');
const NODE = existsSync('node_modules/.bin/node') ? path.resolve('node_modules/.bin/node') : process.execPath;
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');

const lessons = await readCourse(LESSONS);
const quizzes = await Promise.all(
  lessons.map(async (lesson) => {
    const file = path.join(LESSONS, lesson.folder, 'quiz.yaml');
    return existsSync(file) ? { lesson, quiz: await parseQuiz(await readFile(file, 'utf8'), lesson) } : null;
  }),
);

let server: Server;
let baseURL: string;
let exchanges: RunExchange[] = [];

beforeAll(async () => {
  const sandbox = createSandboxFetch({ recordings: loadRecordings(LESSONS), chunkDelayMs: 0 });
  server = createServer(async (req, res) => {
    const body: Buffer[] = [];
    for await (const chunk of req) body.push(chunk as Buffer);
    const text = Buffer.concat(body).toString('utf8');
    const answer = await sandbox(`http://sandbox${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: req.method === 'POST' ? text : undefined });
    const received = await answer.text();
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(received);
    if (req.url?.endsWith('/chat/completions')) {
      const streamed = answer.headers.get('content-type')?.startsWith('text/event-stream');
      const chunks = streamed
        ? received
            .split('\n')
            .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
            .map((line) => JSON.parse(line.slice(6)) as unknown)
        : undefined;
      exchanges.push(
        runExchangeSchema.parse({ request: JSON.parse(text), status: answer.status, ...(streamed ? { chunks } : { response: JSON.parse(received) }) }),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs one lesson file with Node 22 and tsx against the recording server; returns its output and exchanges. */
async function runFile(folder: string, name: string): Promise<{ code: number | null; output: string; exchanges: RunExchange[] }> {
  exchanges = [];
  const child = spawn(NODE, [TSX, path.join(LESSONS, folder, name)], {
    cwd: process.cwd(),
    env: { NODE_ENV: 'test', PATH: process.env.PATH, HOME: process.env.HOME, OPENAI_API_KEY: 'sk-content-test', OPENAI_BASE_URL: baseURL, OPENAI_LOG: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output, exchanges };
}

describe('the course', () => {
  it('has at least one lesson with challenges', () => {
    expect(quizzes.some((q) => q && q.quiz.file.challenges.length >= 2)).toBe(true);
  });
});

describe.each(quizzes.flatMap((q) => (q ? [[q.lesson.folder, q] as const] : [])))('lesson %s', (folder, { quiz }) => {
  it('has at least five questions, each kind of question at least once', () => {
    expect(quiz.file.questions.length).toBeGreaterThanOrEqual(5);
    expect(new Set(quiz.file.questions.map((q) => q.kind))).toEqual(new Set(['single', 'multiple', 'numeric', 'text']));
  });

  it('solution.ts passes every challenge', { timeout: 60_000 }, async () => {
    const run = await runFile(folder, 'solution.ts');
    expect(run.code, run.output).toBe(0);
    expect(run.exchanges.length).toBeGreaterThan(0);
    const results = await checkRun(quiz.file.challenges, run.exchanges, replayOnSandbox);
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });

  it('starter.ts runs and passes none of them', { timeout: 60_000 }, async () => {
    const run = await runFile(folder, 'starter.ts');
    expect(run.code, run.output).toBe(0);
    expect(run.exchanges.length).toBeGreaterThan(0);
    const results = await checkRun(quiz.file.challenges, run.exchanges, replayOnSandbox);
    expect(results.filter((r) => r.passed)).toEqual([]);
  });
});
