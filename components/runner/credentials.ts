import * as z from 'zod/mini';

/**
 * What a run authenticates with: the learner's own key (Settings; this tab only, sessionStorage) or a short-lived
 * runner token from `POST /api/session`, cached in the tab until shortly before it expires.
 */
export const OWN_KEY_STORAGE = 'tokenwise:openai-key';
const SESSION_STORAGE = 'tokenwise:runner-session';
/** Fetch a new token this long before the old one expires. */
const REFRESH_MARGIN_MS = 60_000;

export const sessionSchema = z.object({
  token: z.string().check(z.minLength(1)),
  expiresAt: z.string(),
  backend: z.enum(['sandbox', 'upstream']),
  limits: z.object({
    requestsPerMinute: z.number(),
    tokensPerMinute: z.number(),
    maxOutputTokens: z.number(),
    maxMessages: z.number(),
    maxN: z.number(),
    models: z.array(z.string()),
  }),
});
export type RunnerSession = z.infer<typeof sessionSchema>;

export type Credentials = { kind: 'own-key'; key: string } | { kind: 'runner-token'; session: RunnerSession };

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function readOwnKey(): string | null {
  return storage()?.getItem(OWN_KEY_STORAGE) || null;
}

export function saveOwnKey(key: string) {
  storage()?.setItem(OWN_KEY_STORAGE, key.trim());
  window.dispatchEvent(new Event('tokenwise:credentials'));
}

export function forgetOwnKey() {
  storage()?.removeItem(OWN_KEY_STORAGE);
  window.dispatchEvent(new Event('tokenwise:credentials'));
}

function cachedSession(): RunnerSession | null {
  const raw = storage()?.getItem(SESSION_STORAGE);
  if (!raw) return null;
  try {
    const session = sessionSchema.parse(JSON.parse(raw));
    return Date.parse(session.expiresAt) - Date.now() > REFRESH_MARGIN_MS ? session : null;
  } catch {
    return null;
  }
}

let inflight: Promise<RunnerSession> | null = null;

/** A valid runner token, from the tab's cache or a fresh `POST /api/session`. */
export function getRunnerSession({ fresh = false } = {}): Promise<RunnerSession> {
  const cached = fresh ? null : cachedSession();
  if (cached) return Promise.resolve(cached);
  inflight ??= fetch('/api/session', { method: 'POST', credentials: 'same-origin' })
    .then(async (response) => {
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const message = (body as { error?: { message?: string } } | null)?.error?.message;
        throw new Error(message ?? `Could not get a runner token (HTTP ${response.status}).`);
      }
      const session = sessionSchema.parse(body);
      storage()?.setItem(SESSION_STORAGE, JSON.stringify(session));
      return session;
    })
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

export async function getCredentials(): Promise<Credentials> {
  const key = readOwnKey();
  return key ? { kind: 'own-key', key } : { kind: 'runner-token', session: await getRunnerSession() };
}

export { maskKey } from '@/lib/errors';
