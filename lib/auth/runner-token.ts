import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Runner tokens: what the lesson runner puts where a learner's key would go. Signed with the server's secret,
 * expiring, scoped to the proxy's endpoints and carrying their own per-minute limits, so the proxy needs no
 * storage to check them. The `tw_rt_` prefix tells them apart from a learner's own key (`sk-...` or anything else).
 */
export const RUNNER_TOKEN_PREFIX = 'tw_rt_';

export const RUNNER_SCOPES = ['chat.completions', 'responses', 'models'] as const;
export type RunnerScope = (typeof RUNNER_SCOPES)[number];

const claimsSchema = z.object({
  v: z.literal(1),
  /** Token id: the key its rate limits are counted under. */
  jti: z.string().min(8),
  iat: z.number().int(),
  exp: z.number().int(),
  scope: z.array(z.enum(RUNNER_SCOPES)),
  /** Requests per minute this token may make. */
  rpm: z.number().int().positive(),
  /** Tokens per minute this token may spend. */
  tpm: z.number().int().positive(),
});

export type RunnerClaims = z.infer<typeof claimsSchema>;

export interface IssueOptions {
  ttlSeconds: number;
  rpm: number;
  tpm: number;
  /** @default every scope */
  scope?: RunnerScope[];
  /** Seconds since the epoch. @default now */
  now?: number;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`${RUNNER_TOKEN_PREFIX}${payload}`).digest('base64url');
}

export function isRunnerToken(token: string): boolean {
  return token.startsWith(RUNNER_TOKEN_PREFIX);
}

export function issueRunnerToken(
  secret: string,
  options: IssueOptions,
): { token: string; claims: RunnerClaims } {
  const iat = options.now ?? nowSeconds();
  const claims: RunnerClaims = {
    v: 1,
    jti: randomBytes(12).toString('base64url'),
    iat,
    exp: iat + options.ttlSeconds,
    scope: options.scope ?? [...RUNNER_SCOPES],
    rpm: options.rpm,
    tpm: options.tpm,
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { token: `${RUNNER_TOKEN_PREFIX}${payload}.${sign(secret, payload)}`, claims };
}

export type VerifyResult =
  { ok: true; claims: RunnerClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyRunnerToken(secret: string, token: string, now = nowSeconds()): VerifyResult {
  if (!isRunnerToken(token)) return { ok: false, reason: 'malformed' };
  const [payload, signature, ...rest] = token.slice(RUNNER_TOKEN_PREFIX.length).split('.');
  if (!payload || !signature || rest.length) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'bad_signature' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const claims = claimsSchema.safeParse(parsed);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  if (claims.data.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims.data };
}
