// What Node's HTTP parser refuses before Express runs: the same JSON error envelope.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { answerClientErrorsAsJson } from '../../../src/api/client-errors.ts';
import { errorBodySchema } from '../../../src/errors/error-body.ts';

/** Sends raw bytes and returns everything the server wrote before closing. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk.toString('utf8')));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

describe('answerClientErrorsAsJson', () => {
  const server = answerClientErrorsAsJson(createServer((_req, res) => res.end('ok')));
  let port = 0;
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => {
    port = (server.address() as AddressInfo).port;
    resolve();
  })));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const bodyOf = (reply: string) => JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4)) as unknown;

  it('an Authorization header over 16 KB → 431 with a JSON error body', async () => {
    const reply = await rawRequest(port, `GET /api/centres HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(17 * 1024)}\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 431 /);
    expect(reply).toMatch(/content-type: application\/json/i);
    const body = errorBodySchema.parse(bodyOf(reply));
    expect(body.error.code).toBe('headers_too_large');
  });

  it('a request that is not HTTP → 400 in the envelope', async () => {
    const reply = await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(errorBodySchema.parse(bodyOf(reply)).error.code).toBe('bad_request');
  });
});
