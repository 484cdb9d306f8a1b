import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for WeChat's code2Session on loopback: `code-<name>` logs in as openid
 * `openid-<name>`; anything else gets WeChat's "invalid code" answer (errcode 40029).
 */
export async function startFakeWechat(appSecret?: () => string) {
  const calls: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    calls.push(url.searchParams);
    const code = url.searchParams.get('js_code') ?? '';
    const secretOk = !appSecret || url.searchParams.get('secret') === appSecret();
    const body =
      url.pathname === '/sns/jscode2session' && code.startsWith('code-') && secretOk
        ? { openid: `openid-${code.slice(5)}`, session_key: 'SESSION-KEY-MUST-NOT-LEAK' }
        : { errcode: 40029, errmsg: 'invalid code' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
