import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for WeChat's code2Session on loopback: `code-<name>` logs in as openid
 * `openid-<name>`; anything else gets WeChat's "invalid code" answer (errcode 40029).
 */
export async function startFakeWechat(appSecret?: () => string) {
  const calls: URLSearchParams[] = [];
  const messages: { touser: string; template_id: string; page: string; data: Record<string, { value: string }> }[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    calls.push(url.searchParams);
    const reply = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/cgi-bin/token') {
      const ok = !appSecret || url.searchParams.get('secret') === appSecret();
      return reply(ok ? { access_token: 'FAKE-ACCESS-TOKEN', expires_in: 7200 } : { errcode: 40125 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      let text = '';
      for await (const chunk of req) text += chunk;
      if (url.searchParams.get('access_token') !== 'FAKE-ACCESS-TOKEN') return reply({ errcode: 40001 });
      messages.push(JSON.parse(text));
      return reply({ errcode: 0 });
    }
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
    messages,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
