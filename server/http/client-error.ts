import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemBody } from './problem.js';

interface ClientError extends Error {
  code?: string;
}

/** What Node itself refuses before a request reaches the app, in the words of every other error. */
function problemFor(err: ClientError): [status: number, type: string, detail: string] {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return [
        431,
        'headers-too-large',
        'The request line or headers are too large. Send a shorter URL or fewer, smaller headers.',
      ];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, 'payload-too-large', 'The chunk extensions of the request body are too large.'];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'request-timeout', 'The request took too long to arrive. Please try again.'];
    default:
      return [400, 'bad-request', 'The request is not valid HTTP, so the server could not read it.'];
  }
}

/**
 * Node answers a malformed request line or oversized headers itself, with an empty body; this
 * gives those answers a problem+json body like every other error. Same rules as Node's default:
 * only while the socket is writable and nothing of a response has gone out, then close it.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: ClientError, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy(err);
      return;
    }
    const [status, type, detail] = problemFor(err);
    const body = problemBody(status, type, detail);
    const json = JSON.stringify(body);
    // Close once the answer is out (the server keeps sockets half-open otherwise).
    socket.once('finish', () => socket.destroy());
    socket.end(
      `HTTP/1.1 ${status} ${body.title}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Cache-Control: no-store\r\n' +
        'Connection: close\r\n\r\n' +
        json,
    );
  });
}
