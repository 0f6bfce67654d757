import { env } from '@/lib/env';

/**
 * The header Tokenwise's own Node server sets on every request from the socket's remote address, after deleting
 * any copy the client sent. Nothing else may be trusted to say who is calling.
 */
export const CLIENT_ADDRESS_HEADER = 'x-tokenwise-client-address';

/**
 * What every per-address limit counts against: the caller's address, which the caller cannot choose.
 *
 * - `hops` = 0 (the default: no reverse proxy is trusted): the socket address, from `CLIENT_ADDRESS_HEADER`.
 *   X-Forwarded-For is ignored, since any client can write it.
 * - `hops` = N > 0 (N reverse proxies of the operator's own in front): the Nth entry from the right of
 *   X-Forwarded-For, the one the outermost trusted proxy wrote. Entries further left came from the client. When the
 *   header has fewer than N entries the request did not come through every proxy, so the socket address is used.
 *
 * When no address is known (the app served without Tokenwise's server, e.g. plain `next start`) the answer is the
 * one shared bucket `unknown`: every such caller shares one set of limits, so no header can split them apart. That
 * is stricter than needed, never looser.
 */
export function clientAddress(headers: Headers, hops: number = env().TRUSTED_PROXY_HOPS): string {
  const socket = headers.get(CLIENT_ADDRESS_HEADER)?.trim() || 'unknown';
  if (hops <= 0) return socket;
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return chain.length >= hops ? chain[chain.length - hops]! : socket;
}
