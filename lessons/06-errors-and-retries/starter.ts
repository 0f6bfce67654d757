// Lesson 6: one call, read for what it says about your rate limits, and every failure sorted by what to do next.
import OpenAI from 'openai';

// maxRetries: 2 is the SDK's default, written out so you can see it. The default timeout is 10 minutes per
// attempt, far too long for a person waiting, so this client gives up on an attempt after 8 seconds.
const client = new OpenAI({ maxRetries: 2, timeout: 8_000 });

const RATE_LIMIT_HEADERS = [
  'x-ratelimit-remaining-requests',
  'x-ratelimit-remaining-tokens',
  'x-ratelimit-reset-requests',
  'x-ratelimit-reset-tokens',
];

try {
  // .withResponse() hands you the parsed body and the raw HTTP response, so you can read its headers.
  const { data, response, request_id } = await client.chat.completions
    .create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'In one sentence: why should a program wait before it retries a failed API call?' }],
      max_completion_tokens: 80,
    })
    .withResponse();
  console.log(data.choices[0]?.message.content);
  console.log('request id:', request_id);
  for (const name of RATE_LIMIT_HEADERS) console.log(`${name}:`, response.headers.get(name) ?? '(not sent)');
} catch (err) {
  console.log(whatToDo(err));
}

/** Says what a failure means and what to do about it. Subclasses first: APIConnectionTimeoutError is an APIConnectionError. */
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
  throw err; // not an API failure: a bug in this program, so let it crash
}

// Your turn (pick a failure in the output panel's "Error drill" box, then Run):
// 1. Turn the SDK's retries off for one call: pass { maxRetries: 0 } as the second argument of create().
//    With the 429 drill you see one attempt instead of three, and your catch block handles the error.
// 2. Write your own retry policy, withRetries(call): retry only what can clear by itself, wait as long as
//    retry-after-ms asks (or use exponential backoff with full jitter), give up after 5 attempts. Run the main
//    call through it with { maxRetries: 0 } and pick the "Flaky 429 (recovers)" drill: three 429s, then an answer.
