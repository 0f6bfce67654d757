/**
 * What a run authenticates with: the learner's own key (Settings; this tab only, sessionStorage), sealed by the
 * server so the program only sees a token, or a short-lived runner token from `POST /api/session`. Both are cached
 * in the tab until shortly before they expire.
 */
export const OWN_KEY_STORAGE = 'tokenwise:openai-key';
const SESSION_STORAGE = 'tokenwise:runner-session';
/** Fetch a new token this long before the old one expires. */
const REFRESH_MARGIN_MS = 60_000;

export interface RunnerSession {
  token: string;
  expiresAt: string;
  backend: 'sandbox' | 'upstream';
  limits: {
    requestsPerMinute: number;
    tokensPerMinute: number;
    maxOutputTokens: number;
    maxMessages: number;
    maxN: number;
    models: string[];
  };
}

// Shapes are checked by hand here, not with zod: this module is on the settings page and (through the run target)
// on every lesson page, where zod would be the largest script. tests/unit/credentials-shape.test.ts covers them.
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const LIMIT_FIELDS = ['requestsPerMinute', 'tokensPerMinute', 'maxOutputTokens', 'maxMessages', 'maxN'] as const;

/** `POST /api/session`'s answer (or the tab's copy of it), keeping only the fields a run uses; throws otherwise. */
export function readSession(value: unknown): RunnerSession {
  if (!isObject(value) || !isText(value.token) || !value.token || !isText(value.expiresAt))
    throw new Error('not a runner session');
  const { backend, limits } = value;
  if ((backend !== 'sandbox' && backend !== 'upstream') || !isObject(limits)) throw new Error('not a runner session');
  if (!LIMIT_FIELDS.every((field) => isNumber(limits[field]))) throw new Error('not a runner session');
  const models = limits.models;
  if (!Array.isArray(models) || !models.every(isText)) throw new Error('not a runner session');
  return {
    token: value.token,
    expiresAt: value.expiresAt,
    backend,
    limits: {
      requestsPerMinute: limits.requestsPerMinute as number,
      tokensPerMinute: limits.tokensPerMinute as number,
      maxOutputTokens: limits.maxOutputTokens as number,
      maxMessages: limits.maxMessages as number,
      maxN: limits.maxN as number,
      models: [...(models as string[])],
    },
  };
}

interface SealedKey {
  token: string;
  expiresAt: string;
  /** The fingerprint of the key it seals. */
  for: string;
}

/** A sealed key as the server returns it (with `for` added) or as the tab cached it; throws otherwise. */
export function readSealed(value: unknown): SealedKey {
  if (!isObject(value) || !isText(value.token) || !value.token || !isText(value.expiresAt) || !isText(value.for))
    throw new Error('not a sealed key');
  return { token: value.token, expiresAt: value.expiresAt, for: value.for };
}

/** `token` is the learner's key sealed by the server (`tw_sk_…`): the program never holds the key itself. */
export type Credentials =
  { kind: 'own-key'; token: string } | { kind: 'runner-token'; session: RunnerSession };

const SEALED_STORAGE = 'tokenwise:sealed-key';
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
    const session = readSession(JSON.parse(raw));
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
      const session = readSession(body);
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
    const cached = readSealed(JSON.parse(storage()?.getItem(SEALED_STORAGE) ?? 'null'));
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
  const sealed = readSealed({ ...(body as object), for: id });
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
