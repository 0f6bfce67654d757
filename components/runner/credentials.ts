import * as z from 'zod/mini';

/**
 * What a run authenticates with: the learner's own key (Settings; this tab only, sessionStorage), sealed by the
 * server so the program only sees a token, or a short-lived runner token from `POST /api/session`. Both are cached
 * in the tab until shortly before they expire.
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

/** `token` is the learner's key sealed by the server (`tw_sk_…`): the program never holds the key itself. */
export type Credentials =
  { kind: 'own-key'; token: string } | { kind: 'runner-token'; session: RunnerSession };

const SEALED_STORAGE = 'tokenwise:sealed-key';
const sealedSchema = z.object({
  token: z.string().check(z.minLength(1)),
  expiresAt: z.string(),
  for: z.string(),
});

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Calls `onChange` when the key is set or forgotten (in this page or another sharing the tab's storage). */
export function subscribeCredentials(onChange: () => void): () => void {
  window.addEventListener('tokenwise:credentials', onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener('tokenwise:credentials', onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function readOwnKey(): string | null {
  return storage()?.getItem(OWN_KEY_STORAGE) || null;
}

export function saveOwnKey(key: string) {
  storage()?.removeItem(SEALED_STORAGE);
  storage()?.setItem(OWN_KEY_STORAGE, key.trim());
  window.dispatchEvent(new Event('tokenwise:credentials'));
}

export function forgetOwnKey() {
  storage()?.removeItem(SEALED_STORAGE);
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

/** Which key a sealed token stands for, without keeping a second copy of the key. */
async function fingerprint(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The own key sealed by the server (`POST /api/session/key`), cached in the tab until shortly before it expires. */
async function sealedOwnKey(key: string): Promise<string> {
  const id = await fingerprint(key);
  try {
    const cached = sealedSchema.parse(JSON.parse(storage()?.getItem(SEALED_STORAGE) ?? 'null'));
    if (cached.for === id && Date.parse(cached.expiresAt) - Date.now() > REFRESH_MARGIN_MS)
      return cached.token;
  } catch {
    // nothing cached, or something unreadable: seal again
  }
  const response = await fetch('/api/session/key', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(message ?? `Could not prepare your key for the runner (HTTP ${response.status}).`);
  }
  const sealed = sealedSchema.parse({ ...(body as object), for: id });
  storage()?.setItem(SEALED_STORAGE, JSON.stringify(sealed));
  return sealed.token;
}

/** What the next run authenticates with: the own key, sealed, unless told not to use it; else a runner token. */
export async function getCredentials({ ownKey = true }: { ownKey?: boolean } = {}): Promise<Credentials> {
  const key = ownKey ? readOwnKey() : null;
  return key
    ? { kind: 'own-key', token: await sealedOwnKey(key) }
    : { kind: 'runner-token', session: await getRunnerSession() };
}

export { maskKey } from '@/lib/errors';
