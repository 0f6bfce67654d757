// Tokenwise's own HTTP server around Next's request handler, for `npm start`, `npm run dev` and the test suite.
// It exists for one reason Next's server cannot serve: every per-address limit needs the caller's address, and only
// the socket knows it. Each request gets `x-tokenwise-client-address` from the socket, and any copy the client sent
// is dropped first (`lib/http/client-address.ts` reads it; X-Forwarded-For counts only with TRUSTED_PROXY_HOPS > 0).
//
//   node scripts/server.mjs [--dev] [-p PORT] [-H HOST]      (PORT and HOST from the environment otherwise)
//
// Started by a launcher with an IPC channel (scripts/lib/server.mjs), it reports `{ ready }` or `{ error }` over the
// channel instead of guessing from HTTP, and exits when the channel closes: a launcher killed with SIGKILL leaves
// no server behind.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { portInUseMessage } from './lib/port.mjs';

export const CLIENT_ADDRESS_HEADER = 'x-tokenwise-client-address';

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is the IPv4 address; anything else as the socket says. */
export function socketAddress(socket) {
  const address = socket?.remoteAddress ?? '';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** Drops every client-sent copy of the header (any case, any count), then sets it from the socket. */
export function stampClientAddress(req) {
  const raw = req.rawHeaders;
  const kept = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].toLowerCase() !== CLIENT_ADDRESS_HEADER) kept.push(raw[i], raw[i + 1]);
  }
  const address = socketAddress(req.socket);
  kept.push(CLIENT_ADDRESS_HEADER, address);
  // Next reads `headers`; `rawHeaders` is rewritten too so nothing downstream can see the client's copy.
  req.rawHeaders = kept;
  req.headers[CLIENT_ADDRESS_HEADER] = address;
}

/**
 * A path segment that is not valid percent-encoding (`/lessons/%ff`) makes Next's router answer a plain-text 500
 * before any route runs. Escaping that segment's `%` signs makes it the literal text it is, which names nothing:
 * the route's own 404 (the page's, or the API's JSON envelope).
 */
export function repairPercentEncoding(req) {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const pathname = query < 0 ? url : url.slice(0, query);
  if (!pathname.includes('%')) return;
  const repaired = pathname
    .split('/')
    .map((segment) => {
      try {
        decodeURIComponent(segment);
        return segment;
      } catch {
        return segment.replaceAll('%', '%25');
      }
    })
    .join('/');
  if (repaired !== pathname) req.url = repaired + (query < 0 ? '' : url.slice(query));
}

/**
 * Prepares Next and listens. Resolves with `{ server, close }` once listening; rejects with `error.code` set
 * (`EADDRINUSE`, `EACCES`, ...) if the port cannot be had.
 */
export async function serve({ dev = false, port, host, dir = process.cwd(), quiet = false }) {
  // Next picks its mode from NODE_ENV as it loads, so it must be set before the import.
  process.env.NODE_ENV ??= dev ? 'development' : 'production';
  const { default: next } = await import('next');
  const server = http.createServer();
  const app = next({ dev, dir, hostname: host, port, httpServer: server, quiet });
  // Listen first: a taken port is reported at once, before Next spends seconds (or a dev compile) preparing.
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const preparing = app.prepare();
  let handle;
  server.on('request', async (req, res) => {
    stampClientAddress(req);
    repairPercentEncoding(req);
    try {
      handle ??= (await preparing, app.getRequestHandler());
      await handle(req, res);
    } catch (error) {
      console.error('Tokenwise server: request failed', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    }
  });
  await preparing;
  let closing;
  return {
    server,
    close: () =>
      (closing ??= (async () => {
        const done = new Promise((resolve) => server.close(resolve));
        server.closeIdleConnections();
        // Open streams (a long sandbox stream, dev's HMR socket) get a moment, then are cut.
        const timer = setTimeout(() => server.closeAllConnections(), 3_000);
        await Promise.allSettled([done, app.close()]);
        clearTimeout(timer);
      })()),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      dev: { type: 'boolean', default: false },
      port: { type: 'string', short: 'p' },
      hostname: { type: 'string', short: 'H' },
    },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = values.hostname ?? process.env.HOST ?? (values.dev ? 'localhost' : '0.0.0.0');
  const report = (message) => process.send?.(message);

  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`✖ PORT must be a whole number from 0 to 65535, got "${values.port ?? process.env.PORT}".`);
    process.exit(1);
  }

  let running;
  let exiting = false;
  const exit = async (code) => {
    if (exiting) return;
    exiting = true;
    // Never hang on the way out: a stuck close must not keep a port or a data folder busy.
    setTimeout(() => process.exit(code), 5_000).unref();
    await running?.close().catch(() => {});
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void exit(0));
  // The launcher went away (even by SIGKILL): the IPC channel closes, and this server must not outlive it.
  process.on('disconnect', () => void exit(0));

  try {
    running = await serve({ dev: values.dev, port, host, dir: path.resolve(import.meta.dirname, '..') });
  } catch (error) {
    const code = error?.code;
    if (code === 'EADDRINUSE') {
      // The launcher prints the one line (it knows which variable picks the port); alone, say it here.
      if (process.send) report({ error: 'EADDRINUSE', port });
      else console.error(portInUseMessage(port, 'PORT', values.dev ? 'npm run dev' : 'npm start'));
      process.exit(2);
    }
    report({ error: String(error?.message ?? error) });
    console.error(`✖ The server could not start: ${error?.stack ?? error}`);
    process.exit(1);
  }
  const actual = running.server.address();
  report({ ready: true, port: typeof actual === 'object' && actual ? actual.port : port });
  if (!process.send) console.log(`▸ Tokenwise (${values.dev ? 'development' : 'production'}) on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
