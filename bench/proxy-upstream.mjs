// A minimal OpenAI-compatible upstream for bench/proxy.mjs: a fixed chat completion as JSON, or as SSE with the
// first chunk at once and the rest `chunkDelayMs` apart. No bookkeeping, so it costs the same direct or proxied.
import http from 'node:http';

const COMPLETION = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'gpt-4o-mini',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: 'Hello from the bench upstream.',
        refusal: null,
        annotations: [],
      },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 9, completion_tokens: 6, total_tokens: 15 },
  system_fingerprint: 'fp_bench',
});

const chunk = (delta, finish) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'gpt-4o-mini', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;

export async function startBenchUpstream({ chunkDelayMs = 20 } = {}) {
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const stream = raw.includes('"stream":true');
      if (!stream) {
        res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench' });
        res.end(COMPLETION);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_bench' });
      res.write(chunk({ role: 'assistant', content: '' }, null));
      const pieces = ['Hello', ' from', ' the', ' bench', ' upstream', '.'];
      let i = 0;
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        if (i < pieces.length) return void res.write(chunk({ content: pieces[i++] }, null));
        clearInterval(timer);
        res.write(chunk({}, 'stop'));
        res.end('data: [DONE]\n\n');
      }, chunkDelayMs);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}
