import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, socketAddress, stampClientAddress } from '../../scripts/server.mjs';

/**
 * The one thing Tokenwise's server adds to Next's: the client address from the socket, whatever the client sent.
 * A plain HTTP server runs `stampClientAddress` and echoes what a request handler would then see.
 */
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    stampClientAddress(req);
    const raw = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === CLIENT_ADDRESS_HEADER);
    res.end(JSON.stringify({ header: req.headers[CLIENT_ADDRESS_HEADER], rawCopies: raw.length, xff: req.headers['x-forwarded-for'] ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends a request byte for byte, so header case and repeats are exactly what a hostile client could send. */
function rawRequest(headerLines: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(['GET / HTTP/1.1', 'Host: x', 'Connection: close', ...headerLines, '', ''].join('\r\n'));
    });
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => resolve(JSON.parse(data.slice(data.indexOf('\r\n\r\n') + 4))));
    socket.on('error', reject);
  });
}

describe('stampClientAddress', () => {
  it('sets the header from the socket when the client sent none', async () => {
    expect(await rawRequest([])).toMatchObject({ header: '127.0.0.1', rawCopies: 1 });
  });

  it('drops every copy the client sent, in any case, and leaves X-Forwarded-For for the app to judge', async () => {
    const seen = await rawRequest([
      'X-Tokenwise-Client-Address: 203.0.113.7',
      'x-tokenwise-client-address: 198.51.100.1',
      'X-Forwarded-For: 192.0.2.1',
    ]);
    expect(seen).toEqual({ header: '127.0.0.1', rawCopies: 1, xff: '192.0.2.1' });
  });
});

describe('socketAddress', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['127.0.0.1', '127.0.0.1'],
    ['2001:db8::1', '2001:db8::1'],
    ['::1', '::1'],
    [undefined, ''],
  ])('%s is %s', (remote, expected) => {
    expect(socketAddress({ remoteAddress: remote })).toBe(expected);
  });
});
