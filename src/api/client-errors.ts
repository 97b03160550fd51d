// Requests Node's HTTP parser refuses before Express sees them (headers over 16 KB, a malformed
// request line): answered in the same JSON error envelope as every other error, not Node's bare
// status line with an empty body.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '../errors/error-body.ts';

/** Node's parser error codes → status, code and message. */
function refusal(error: NodeJS.ErrnoException): { status: number; reason: string; body: ErrorBody } {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431, reason: 'Request Header Fields Too Large',
      body: { error: { code: 'headers_too_large', message: 'The request headers are larger than the 16 KB the service accepts', details: null } },
    };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, reason: 'Request Timeout', body: { error: { code: 'request_timeout', message: 'The request took too long to arrive', details: null } } };
  }
  return { status: 400, reason: 'Bad Request', body: { error: { code: 'bad_request', message: 'The request is not valid HTTP', details: [] } } };
}

export function answerClientErrorsAsJson(server: Server): Server {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A connection reset or already answered: nothing can be written.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, reason, body } = refusal(error);
    const json = JSON.stringify(body);
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`);
  });
  return server;
}
