import type { StoredItem } from './translate';

/**
 * Where the sandbox keeps stored responses (`store` not false), so `previous_response_id`, `GET`, `DELETE` and
 * `input_items` work as on the API. The app's store is Postgres (`lib/db/responses.ts`), shared by every instance
 * and kept across restarts; tests may use `memoryResponsesStore`. Every read and delete is by owner: a caller sees
 * only what it stored, and anyone else's id is simply not found.
 */
export interface StoredResponse {
  id: string;
  /** Who made it: a runner token's id or a hash of an own key (the proxy's `x-tokenwise-caller`), never a key. */
  owner: string;
  /** The Response object as it was answered. */
  response: Record<string, unknown>;
  /** The conversation up to this response: earlier turns' items, then this request's own input items. */
  items: StoredItem[];
  /** How many of `items` are this request's own input (the tail), which `input_items` lists. */
  inputCount: number;
  createdAt: Date;
  expiresAt: Date;
}

export interface ResponsesStore {
  save(record: StoredResponse): Promise<void>;
  /** The record if `owner` stored it and it has not expired; else null. */
  get(owner: string, id: string): Promise<StoredResponse | null>;
  /** True when one was deleted. */
  delete(owner: string, id: string): Promise<boolean>;
  /** Deletes every expired record; returns how many. */
  sweep(now?: Date): Promise<number>;
}

/** Thrown by a store whose database can't be reached: answered as a 503, and only where storage is needed. */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The response store is unavailable.', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** An in-memory store for tests and for an app run without a database. */
export function memoryResponsesStore(): ResponsesStore {
  const records = new Map<string, StoredResponse>();
  const live = (r: StoredResponse | undefined, owner: string) =>
    r && r.owner === owner && r.expiresAt.getTime() > Date.now() ? r : null;
  return {
    async save(record) {
      records.set(record.id, structuredClone(record));
    },
    async get(owner, id) {
      const r = live(records.get(id), owner);
      return r ? structuredClone(r) : null;
    },
    async delete(owner, id) {
      return live(records.get(id), owner) ? records.delete(id) : false;
    },
    async sweep(now = new Date()) {
      let n = 0;
      for (const [id, r] of records) {
        if (r.expiresAt > now) continue;
        records.delete(id);
        n++;
      }
      return n;
    },
  };
}
