import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { Proxy } from '@/lib/proxy/proxy';

/**
 * Serves the app's real API route modules over real HTTP on 127.0.0.1, with a proxy built by the test (so it can
 * point at a fake upstream). The Node-to-fetch bridge behaves as Next.js's does where it matters here: headers go
 * out with the first body chunk, a body that fails before its first chunk closes the connection unanswered, a
 * client that goes away aborts `request.signal` and cancels the response body, and X-Forwarded-For is filled
 * from the socket when absent.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route context types differ per route
type Handler = (request: Request, context: { params: Promise<any> }) => Response | Promise<Response>;
type RouteModule = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', Handler>>;

const routes: { pattern: RegExp; load: () => Promise<RouteModule> }[] = [
  {
    pattern: /^\/api\/v1\/chat\/completions$/,
    load: () => import('@/app/api/v1/chat/completions/route') as Promise<RouteModule>,
  },
  { pattern: /^\/api\/v1\/models$/, load: () => import('@/app/api/v1/models/route') as Promise<RouteModule> },
  {
    pattern: /^\/api\/v1\/models\/(?<model>[^/]+)$/,
    load: () => import('@/app/api/v1/models/[model]/route') as Promise<RouteModule>,
  },
  { pattern: /^\/api\/v1\/responses$/, load: () => import('@/app/api/v1/responses/route') as Promise<RouteModule> },
  {
    pattern: /^\/api\/v1\/responses\/(?<id>[^/]+)$/,
    load: () => import('@/app/api/v1/responses/[id]/route') as Promise<RouteModule>,
  },
  {
    pattern: /^\/api\/v1\/responses\/(?<id>[^/]+)\/input_items$/,
    load: () => import('@/app/api/v1/responses/[id]/input_items/route') as Promise<RouteModule>,
  },
  { pattern: /^\/api\/session$/, load: () => import('@/app/api/session/route') as Promise<RouteModule> },
  {
    pattern: /^\/api\/session\/key$/,
    load: () => import('@/app/api/session/key/route') as Promise<RouteModule>,
  },
];

export interface ServedApp {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** The SDK's `baseURL`: `${origin}/api/v1`. */
  baseURL: string;
  close(): Promise<void>;
}

/** Serves the routes with `proxy` as the app's proxy (what `getProxy()` returns). */
export async function serveRoutes(proxy: Proxy): Promise<ServedApp> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = routes.map((r) => ({ r, m: r.pattern.exec(url.pathname) })).find((x) => x.m);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const mod = await route.r.load();
    const method = (req.method ?? 'GET').toUpperCase() as keyof RouteModule;
    const handler = mod[method];
    if (!handler) {
      res.writeHead(405).end();
      return;
    }
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    if (!headers.has('x-forwarded-for'))
      headers.set('x-forwarded-for', req.socket.remoteAddress ?? '127.0.0.1');
    const hasBody = method !== 'GET' && method !== 'OPTIONS';
    const request = new Request(
      url.href.replace('http://127.0.0.1', `http://${req.headers.host ?? '127.0.0.1'}`),
      {
        method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        signal: abort.signal,
        duplex: 'half',
      } as RequestInit,
    );

    // Route handlers call getProxy() synchronously, so installing this server's proxy right before the call
    // keeps servers with different proxies in one test file apart.
    (globalThis as unknown as Record<symbol, Proxy>)[Symbol.for('tokenwise.proxy')] = proxy;
    const response = await handler(request, { params: Promise.resolve({ ...route.m!.groups }) });
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    if (!response.body) {
      res.end();
      return;
    }
    const reader = response.body.getReader();
    res.on('close', () => {
      if (!res.writableFinished) reader.cancel().catch(() => {});
    });
    let started = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!started) {
          started = true;
          res.flushHeaders();
        }
        if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    } catch {
      res.destroy();
    }
  });

  // Longer than any pause in a test, so a kept-alive connection is never closed just as the client reuses it.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseURL: `${origin}/api/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
