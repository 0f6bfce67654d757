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
/** `TOKENWISE_LESSONS_DIR` points the test at another course folder (a lesson being written, say). */
const LESSONS = process.env.TOKENWISE_LESSONS_DIR ?? path.join(process.cwd(), 'lessons');
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
/** The error drill the runner would add, as the output panel's picker does: `flaky` fails the first three calls. */
let drill: { name: string; calls: number } | null = null;
const FLAKY_FAILURES = 3;

function drillHeader(): string | null {
  if (!drill) return null;
  drill.calls++;
  if (drill.name === 'flaky') return drill.calls <= FLAKY_FAILURES ? '429' : null;
  return drill.name;
}

beforeAll(async () => {
  const sandbox = createSandboxFetch({ recordings: loadRecordings(LESSONS), chunkDelayMs: 0 });
  server = createServer(async (req, res) => {
    const body: Buffer[] = [];
    for await (const chunk of req) body.push(chunk as Buffer);
    const text = Buffer.concat(body).toString('utf8');
    const path = (req.url ?? '').split('?')[0]!;
    const endpoint = path.endsWith('/chat/completions')
      ? 'chat.completions'
      : path.endsWith('/responses') && req.method === 'POST'
        ? 'responses'
        : null;
    const isChat = endpoint !== null;
    const headers = { ...(req.headers as Record<string, string>) };
    const drilled = isChat ? drillHeader() : null;
    if (drilled) headers['x-tokenwise-drill'] = drilled;
    const requestHeaders = Object.fromEntries(
      Object.entries(headers).filter(
        ([name]) => name === 'x-tokenwise-drill' || name === 'x-stainless-retry-count',
      ),
    );
    const answer = await sandbox(`http://sandbox${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'POST' ? text : undefined,
    });
    const received = await answer.text();
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(received);
    if (isChat) {
      const streamed = answer.headers.get('content-type')?.startsWith('text/event-stream');
      const chunks = streamed
        ? received
            .split('\n')
            .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
            .map((line) => JSON.parse(line.slice(6)) as unknown)
        : undefined;
      exchanges.push(
        runExchangeSchema.parse({
          endpoint,
          request: JSON.parse(text),
          requestHeaders,
          status: answer.status,
          ...(streamed ? { chunks } : { response: received ? (JSON.parse(received) as unknown) : undefined }),
        }),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs one lesson file with Node 22 and tsx against the recording server; returns its output and exchanges. */
async function runFile(
  folder: string,
  name: string,
  drillName?: string,
): Promise<{ code: number | null; output: string; exchanges: RunExchange[] }> {
  exchanges = [];
  drill = drillName ? { name: drillName, calls: 0 } : null;
  const child = spawn(NODE, [TSX, path.join(LESSONS, folder, name)], {
    cwd: process.cwd(),
    env: {
      NODE_ENV: 'test',
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      OPENAI_API_KEY: 'sk-content-test',
      OPENAI_BASE_URL: baseURL,
      OPENAI_LOG: 'off',
    },
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

describe.each(quizzes.flatMap((q) => (q ? [[q.lesson.folder, q] as const] : [])))(
  'lesson %s',
  (folder, { quiz }) => {
    it('has at least five questions, each kind of question at least once', () => {
      expect(quiz.file.questions.length).toBeGreaterThanOrEqual(5);
      expect(new Set(quiz.file.questions.map((q) => q.kind))).toEqual(
        new Set(['single', 'multiple', 'numeric', 'text']),
      );
    });

    /** Challenges grouped by the drill they ask for: each group is one run, as a learner would pick the drill and run. */
    const groups = [...new Set(quiz.file.challenges.map((c) => c.drill))].map((d) => ({
      drill: d,
      challenges: quiz.file.challenges.filter((c) => c.drill === d),
    }));

    it.each(groups.map((g) => [g.drill ?? 'no drill', g] as const))(
      'solution.ts passes every challenge (%s)',
      { timeout: 60_000 },
      async (_name, group) => {
        const run = await runFile(folder, 'solution.ts', group.drill);
        expect(run.code, run.output).toBe(0);
        expect(run.exchanges.length).toBeGreaterThan(0);
        const results = await checkRun(group.challenges, run.exchanges, replayOnSandbox, 'completed');
        expect(results.filter((r) => !r.passed)).toEqual([]);
      },
    );

    it.each(groups.map((g) => [g.drill ?? 'no drill', g] as const))(
      'starter.ts passes none of them (%s)',
      { timeout: 60_000 },
      async (_name, group) => {
        const run = await runFile(folder, 'starter.ts', group.drill);
        // Without a drill the starter must run cleanly; with one it may well fail, which is the lesson's point.
        if (!group.drill) expect(run.code, run.output).toBe(0);
        expect(run.exchanges.length).toBeGreaterThan(0);
        const results = await checkRun(
          group.challenges,
          run.exchanges,
          replayOnSandbox,
          run.code === 0 ? 'completed' : 'failed',
        );
        expect(results.filter((r) => r.passed)).toEqual([]);
      },
    );
  },
);
