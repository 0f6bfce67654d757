// Lesson 6, solved: one call with the SDK's retries off, handled by hand; then the main call under a retry policy of your own.
import OpenAI from 'openai';

const client = new OpenAI({ maxRetries: 2, timeout: 8_000 });

const params: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'In one sentence: why should a program wait before it retries a failed API call?' }],
  max_completion_tokens: 80,
};

const RATE_LIMIT_HEADERS = [
  'x-ratelimit-remaining-requests',
  'x-ratelimit-remaining-tokens',
  'x-ratelimit-reset-requests',
  'x-ratelimit-reset-tokens',
];

// 1. Retries off for this call: exactly one attempt, and the error is yours to handle at once.
try {
  const quick = await client.chat.completions.create(
    {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Name one HTTP status code that is worth retrying.' }],
      max_completion_tokens: 40,
    },
    { maxRetries: 0 },
  );
  console.log('One attempt:', quick.choices[0]?.message.content);
} catch (err) {
  console.log('One attempt, no retries:', whatToDo(err));
}

// 2. Your own policy for the main call: the SDK's retries off, yours on (up to 5 attempts).
try {
  const { data, response, request_id } = await withRetries(() =>
    client.chat.completions.create(params, { maxRetries: 0 }).withResponse(),
  );
  console.log('\n' + data.choices[0]?.message.content);
  console.log('request id:', request_id);
  for (const name of RATE_LIMIT_HEADERS) console.log(`${name}:`, response.headers.get(name) ?? '(not sent)');
} catch (err) {
  console.log('Gave up:', whatToDo(err)); // the 429 drill fails every attempt, so this is where it ends
}

/** Retries what can clear by itself, waiting as the server asks or with exponential backoff and full jitter. */
async function withRetries<T>(call: () => Promise<T>, maxAttempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= maxAttempts || !isRetryable(err)) throw err;
      const asked = err instanceof OpenAI.APIError ? Number(err.headers?.get('retry-after-ms')) : NaN;
      // Full jitter: a random wait up to 0.5 s, 1 s, 2 s ... (capped at 8 s), so clients don't retry in step.
      const wait = asked > 0 && asked <= 60_000 ? asked : Math.random() * Math.min(8_000, 500 * 2 ** (attempt - 1));
      console.log(`attempt ${attempt} failed (${err instanceof OpenAI.APIError ? err.status : '?'}); waiting ${Math.round(wait)} ms`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

function isRetryable(err: unknown): boolean {
  if (err instanceof OpenAI.RateLimitError) return err.code !== 'insufficient_quota'; // billing never clears by waiting
  // 5xx, and no response at all (timeouts included: APIConnectionTimeoutError is an APIConnectionError).
  return err instanceof OpenAI.InternalServerError || err instanceof OpenAI.APIConnectionError;
}

function whatToDo(err: unknown): string {
  if (err instanceof OpenAI.RateLimitError) {
    if (err.code === 'insufficient_quota') return 'Out of credit (insufficient_quota): fix billing; waiting will not help.';
    return `429 ${err.code}: slow down. The server asks for a wait of ${err.headers.get('retry-after-ms') ?? '?'} ms.`;
  }
  if (err instanceof OpenAI.AuthenticationError) return '401: the key is wrong or revoked. Replace it; retrying never helps.';
  if (err instanceof OpenAI.PermissionDeniedError) return '403: this key may not do this (model access, region). Not retried.';
  if (err instanceof OpenAI.NotFoundError) return `404 ${err.code}: check the model id. Not retried.`;
  if (err instanceof OpenAI.BadRequestError) return `400 ${err.code} on ${err.param}: fix the request; never resend it unchanged.`;
  if (err instanceof OpenAI.InternalServerError) return `${err.status}: the server failed (request id ${err.requestID}). Try again later.`;
  if (err instanceof OpenAI.APIConnectionTimeoutError) return 'Timed out: no answer within the timeout, on every attempt.';
  if (err instanceof OpenAI.APIConnectionError) return 'No response at all: network, proxy or base URL trouble.';
  if (err instanceof OpenAI.APIError) return `${err.status} ${err.code}: ${err.message}`;
  throw err;
}
