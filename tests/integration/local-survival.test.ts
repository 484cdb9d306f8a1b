import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/stack';

/**
 * The local stack serves the API, the upload form, signed file links and the H5 build from one node:http
 * server: no request, however malformed and without any token, may stop it.
 */
let stack: TestStack;
let h5: string;

/** Sends raw bytes (request lines fetch would refuse to send) and answers the status line, or '' if none came. */
function raw(text: string): Promise<string> {
  const { port } = new URL(stack.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

beforeAll(async () => {
  h5 = mkdtempSync(join(tmpdir(), 'ltx-h5-'));
  writeFileSync(join(h5, 'index.html'), '<!doctype html><title>党支部</title>');
  stack = await startTestStack({ staticDir: h5, seed: false });
});
afterAll(async () => {
  await stack?.stop();
  rmSync(h5, { recursive: true, force: true });
});

describe('the local server survives any request', () => {
  const malformed = ['%', '%E0%A4%A', '%C3%28', '%ZZ', '..%2F..%2Fetc%2Fpasswd', '%00'];

  it('answers 400 for broken escapes on every kind of local path, unauthenticated', async () => {
    for (const tail of malformed.slice(0, 4)) {
      for (const path of [`/local-files/${tail}`, `/local-files/uploads%2F${tail}?exp=1&sig=x`, `/${tail}`, `/pages/${tail}/index.html`, `/api/v1/members/${tail}`]) {
        const response = await fetch(`${stack.url}${path}`);
        expect(response.status, path).toBe(400);
      }
    }
  });

  it('stays up after odd requests of every kind, then still answers the API and the H5 build', async () => {
    const statuses: number[] = [];
    for (const tail of malformed) {
      for (const path of [`/local-files/${tail}`, `/${tail}`, `/api/v1/${tail}`, `/local-uploads?${tail}`]) {
        for (const method of ['GET', 'POST', 'PUT']) {
          const response = await fetch(`${stack.url}${path}`, { method, ...(method === 'GET' ? {} : { body: '--x\r\nbroken' , headers: { 'content-type': 'multipart/form-data; boundary=x' } }) });
          statuses.push(response.status);
          await response.arrayBuffer();
        }
      }
    }
    // A multipart body that is not one, and a request line that is no URL at all.
    const upload = await fetch(`${stack.url}/local-uploads`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    statuses.push(upload.status);
    expect(await raw('GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(await raw('GET /local-files/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw('NONSENSE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    // Some of these are fine requests for the H5 fallback page (200); none may fail inside.
    expect(statuses.every((s) => s < 500), statuses.join(',')).toBe(true);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(0);
    expect((await stack.call('GET', '/health')).status).toBe(200);
    const page = await fetch(`${stack.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('党支部');
  });
});
