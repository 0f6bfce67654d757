import 'server-only';
import { z } from 'zod';

/**
 * One typed view of the environment, parsed once. Every variable the app reads is declared here, with its
 * default, so the README's configuration table and the code cannot drift apart.
 */
const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const positiveInt = z.coerce.number().int().positive();

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe('port the app serves on'),
  PUBLIC_URL: z
    .url()
    .optional()
    .describe(
      'the address people reach the app at (https://…), read at build time: shared links then preview with absolute URLs',
    ),

  OPENAI_API_KEY: z
    .string()
    .min(1)
    .optional()
    .describe("the server's OpenAI key; never sent to the browser. Unset: guests get the sandbox"),
  OPENAI_BASE_URL: z
    .url()
    .default('https://api.openai.com/v1')
    .describe('any OpenAI-compatible server: OpenAI, vLLM, Ollama, llama.cpp'),
  ALLOW_OWN_KEYS: flag
    .optional()
    .describe(
      "1 to pass learners' own keys upstream; unset: on only when OPENAI_BASE_URL is OpenAI's API (a keyless upstream would otherwise be an open relay)",
    ),
  LIVE_RUNS_FOR_GUESTS: flag
    .default(false)
    .describe('1 to serve runner tokens from the upstream with the server key instead of the sandbox'),
  RUNNER_TOKEN_SECRET: z
    .string()
    .min(32)
    .optional()
    .describe('secret that signs runner tokens; unset: a random one per process'),
  UPSTREAM_FIRST_BYTE_TIMEOUT_MS: positiveInt.default(30_000),
  UPSTREAM_TOTAL_TIMEOUT_MS: positiveInt.default(120_000),

  MAX_BODY_BYTES: positiveInt.default(256 * 1024).describe('largest request body the proxy accepts'),
  MAX_MESSAGES: positiveInt.default(64),
  MAX_MESSAGE_CHARS: positiveInt.default(32_000),
  MAX_OUTPUT_TOKENS: positiveInt.default(4_096).describe('cap on max_completion_tokens per request'),
  MAX_N: positiveInt.default(8),
  ALLOWED_MODELS: z
    .string()
    .optional()
    .describe('comma-separated model ids this deployment serves; unset: the whole catalog'),
  RATE_LIMIT_RPM: positiveInt.default(60).describe('requests per minute per runner token'),
  RATE_LIMIT_TPM: positiveInt.default(100_000).describe('tokens per minute per runner token'),
  DAILY_TOKEN_BUDGET: positiveInt.default(2_000_000).describe('tokens a day the server key may spend'),
  REDIS_URL: z.url().optional().describe('shared rate limits across instances; unset: in memory'),
  RATE_LIMIT_IP_RPM: positiveInt
    .default(600)
    .describe('requests per minute per client IP (a classroom shares one)'),
  RATE_LIMIT_IP_TPM: positiveInt.default(1_000_000).describe('tokens per minute per client IP'),
  SESSION_RATE_LIMIT_RPM: positiveInt
    .default(30)
    .describe('POST /api/session calls per minute per client IP'),
  RUNNER_TOKEN_TTL_SECONDS: positiveInt.default(3_600).describe('how long a runner token lives'),
  UPSTREAM_RETRIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(5)
    .default(1)
    .describe('retries of a failed upstream connection, only before the first byte'),
  TRUSTED_PROXY_HOPS: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(0)
    .describe(
      'reverse proxies of your own in front of the app; 0: the socket address, N: the Nth X-Forwarded-For entry from the right',
    ),
  SANDBOX_STREAM_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000)
    .default(15)
    .describe('pause between sandbox stream chunks, so streaming is visible'),
  RESPONSES_RETENTION_HOURS: positiveInt
    .default(72)
    .describe('hours a stored Responses API response (store not false) is kept in the database for previous_response_id'),
  PROXY_LOG: flag
    .default(true)
    .describe('one JSON line per proxied request on stdout (never keys or message text)'),

  QUIZ_CHECKS_PER_MINUTE: positiveInt
    .default(30)
    .describe('quiz answers and challenge runs one client IP may have checked per minute'),

  DATABASE_URL: z.url().optional().describe('any Postgres; unset: an embedded Postgres under ./data/'),
  ADMIN_TOKEN: z.string().min(16).optional().describe('unlocks note moderation; unset: moderation off'),
  NOTES_ATTEMPTS_PER_MINUTE: positiveInt
    .default(10)
    .describe(
      'note posts one client address may attempt per minute, refused ones included (counted before rendering)',
    ),
  NOTES_LIMIT_PER_IP: positiveInt.default(10).describe('notes one IP address may post per hour'),
  NOTES_LIMIT_PER_LESSON: positiveInt
    .default(60)
    .describe('notes one lesson accepts per hour, from everyone'),
  NOTES_REPORTS_TO_HIDE: positiveInt
    .default(3)
    .describe('reports from different addresses that hide a note until reviewed'),
  NOTES_REPORTS_PER_IP: positiveInt.default(30).describe('reports one IP address may file per hour'),
});

export type Env = z.infer<typeof envSchema>;

/** Turns zod's issues into one message per variable, naming what it should be. */
export function describeEnvErrors(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const name = issue.path.join('.');
      const hint = envSchema.shape[name as keyof typeof envSchema.shape]?.description;
      return `  ${name}: ${issue.message}${hint ? ` (${hint})` : ''}`;
    })
    .join('\n');
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" in .env files and shells alike.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new Error(`Invalid environment:\n${describeEnvErrors(result.error)}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The parsed environment, read once per process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
