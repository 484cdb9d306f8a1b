import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pushSignature } from '../functions/src/wechat/push-signature';

export interface FakeWechatOptions {
  /** When given, stable_token and code2Session refuse any other AppSecret (errcode 40125), as WeChat does. */
  appSecret?: () => string | Promise<string>;
  /** Texts containing one of these words are `risky` (flagged); more can be added with `flagWord`. */
  flagWords?: readonly string[];
  /** After each media_check_async, push its verdict to the push URL at once (the local stack); tests push when they choose. */
  autoPush?: boolean;
}

export interface RecordedTextCheck {
  content: string;
  version: number;
  scene: number;
  openid?: string;
}

export interface RecordedMediaCheck {
  traceId: string;
  media_url: string;
  media_type: number;
  version: number;
  scene: number;
  openid?: string;
}

/** What the fake answers for every mini-program code: an 8 x 8 checkered PNG, enough for a page to show an image. */
export const fakeWxaCodePng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAAAAADhZOFXAAAAE0lEQVR4nGP4zwCBDAz/0SBJIgB8BB/hqRvM5AAAAABJRU5ErkJggg==', 'base64');

export type FakeWechat = Awaited<ReturnType<typeof startFakeWechat>>;

/**
 * A stand-in for WeChat's servers on loopback, for the tests and the local stack (`npm start`):
 * - code2Session: `code-<name>` logs in as openid `openid-<name>`; anything else gets errcode 40029;
 * - stable_token (POST JSON): one token for everyone until it is force-refreshed or `rotateToken()`d,
 *   after which the old one answers errcode 40001;
 * - subscribe/send: records the message;
 * - msg_sec_check v2: `risky` when the text contains a flagged word, `pass` otherwise; more than 2500 characters errcode 47001;
 * - getwxacodeunlimit: records the request and answers a small PNG (errcode 41030 for a scene over 32 characters);
 * - media_check_async v2: records the request and answers a trace id; the verdict (`risky` when the
 *   image's link contains a flagged mark, `pass` otherwise) is POSTed as a signed `wxa_media_check`
 *   event to the push URL, at once (`autoPush`) or when a test calls `push`.
 */
export async function startFakeWechat(options: FakeWechatOptions = {}) {
  const calls: URLSearchParams[] = [];
  const messages: { touser: string; template_id: string; page: string; data: Record<string, { value: string }> }[] = [];
  const stableTokenRequests: { appid?: string; secret?: string; grant_type?: string; force_refresh?: boolean }[] = [];
  const textChecks: RecordedTextCheck[] = [];
  const mediaChecks: RecordedMediaCheck[] = [];
  const flagWords = new Set(options.flagWords ?? []);
  const flagImages = new Set<string>();
  const pushes: { traceId: string; status: number }[] = [];
  const wxaCodes: { scene: string; page: string; check_path?: boolean; env_version?: string }[] = [];
  let generation = 1;
  let pushTarget: { url: string; token: () => string | Promise<string> } | undefined;
  const currentToken = () => `FAKE-ACCESS-TOKEN-${generation}`;

  const secretOk = async (secret: string | null | undefined) => !options.appSecret || secret === (await options.appSecret());
  const verdictFor = (mediaUrl: string) => ([...flagImages].some((mark) => mediaUrl.includes(mark)) ? 'risky' : 'pass');

  async function push(traceId: string, suggest?: 'pass' | 'risky' | 'review'): Promise<number> {
    const check = mediaChecks.find((c) => c.traceId === traceId);
    if (!check || !pushTarget) throw new Error(`fake WeChat: no media check ${traceId} or no push URL`);
    const result = suggest ?? verdictFor(check.media_url);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(6).toString('hex');
    const url = new URL(pushTarget.url);
    url.search = new URLSearchParams({ signature: pushSignature(await pushTarget.token(), timestamp, nonce), timestamp, nonce, openid: check.openid ?? '' }).toString();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ToUserName: 'gh_fake', FromUserName: check.openid ?? '', CreateTime: Number(timestamp), MsgType: 'event', Event: 'wxa_media_check',
        appid: 'wx0000000000000000', trace_id: traceId, version: 2, errcode: 0, errmsg: 'ok',
        detail: [{ strategy: 'content_model', errcode: 0, suggest: result, label: result === 'risky' ? 20002 : 100, prob: 90 }],
        result: { suggest: result, label: result === 'risky' ? 20002 : 100 },
      }),
    });
    await response.arrayBuffer();
    pushes.push({ traceId, status: response.status });
    return response.status;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    calls.push(url.searchParams);
    const reply = (body: unknown) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    const tokenOk = url.searchParams.get('access_token') === currentToken();

    switch (url.pathname) {
      case '/cgi-bin/stable_token': {
        stableTokenRequests.push(body);
        if (body.grant_type !== 'client_credential' || !(await secretOk(body.secret as string))) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
        if (body.force_refresh === true) generation += 1;
        return reply({ access_token: currentToken(), expires_in: 7200 });
      }
      case '/cgi-bin/message/subscribe/send':
        if (!tokenOk) return reply({ errcode: 40001, errmsg: 'invalid credential' });
        messages.push(body as unknown as (typeof messages)[number]);
        return reply({ errcode: 0 });
      case '/wxa/msg_sec_check': {
        if (!tokenOk) return reply({ errcode: 40001, errmsg: 'invalid credential' });
        // v2 needs the openid of a user seen lately: without one WeChat refuses the call.
        if (body.version !== 2 || !body.openid) return reply({ errcode: 40003, errmsg: 'invalid openid' });
        const content = String(body.content ?? '');
        // v2 takes at most 2500 characters a call.
        if ([...content].length > 2500) return reply({ errcode: 47001, errmsg: 'content too long' });
        textChecks.push({ content, version: Number(body.version), scene: Number(body.scene), openid: body.openid as string });
        const risky = [...flagWords].some((w) => content.includes(w));
        return reply({
          errcode: 0, errmsg: 'ok', trace_id: randomBytes(8).toString('hex'),
          result: { suggest: risky ? 'risky' : 'pass', label: risky ? 20006 : 100 },
          detail: [{ strategy: 'keyword', errcode: 0, suggest: risky ? 'risky' : 'pass', label: risky ? 20006 : 100 }],
        });
      }
      case '/wxa/media_check_async': {
        if (!tokenOk) return reply({ errcode: 40001, errmsg: 'invalid credential' });
        if (body.version !== 2 || !body.openid) return reply({ errcode: 40003, errmsg: 'invalid openid' });
        const check: RecordedMediaCheck = {
          traceId: randomBytes(12).toString('hex'), media_url: String(body.media_url), media_type: Number(body.media_type), version: Number(body.version),
          scene: Number(body.scene), openid: body.openid as string,
        };
        mediaChecks.push(check);
        reply({ errcode: 0, errmsg: 'ok', trace_id: check.traceId });
        // WeChat answers later; the local stack hears soon after the call returns (and after the record was written).
        if (options.autoPush && pushTarget) setTimeout(() => void push(check.traceId).catch(() => undefined), 200);
        return;
      }
      case '/wxa/getwxacodeunlimit': {
        if (!tokenOk) return reply({ errcode: 40001, errmsg: 'invalid credential' });
        const scene = String(body.scene ?? '');
        if (scene === '' || scene.length > 32) return reply({ errcode: 41030, errmsg: 'invalid scene' });
        wxaCodes.push({ scene, page: String(body.page ?? ''), check_path: body.check_path as boolean, env_version: body.env_version as string });
        return void res.writeHead(200, { 'content-type': 'image/png' }).end(fakeWxaCodePng);
      }
      case '/sns/jscode2session': {
        const code = url.searchParams.get('js_code') ?? '';
        if (code.startsWith('code-') && (await secretOk(url.searchParams.get('secret')))) {
          return reply({ openid: `openid-${code.slice(5)}`, session_key: 'SESSION-KEY-MUST-NOT-LEAK' });
        }
        return reply({ errcode: 40029, errmsg: 'invalid code' });
      }
      default:
        return reply({ errcode: 40029, errmsg: 'invalid code' });
    }
  }

  const server = createServer((req, res) => void handle(req, res).catch(() => res.writeHead(500).end()));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    messages,
    stableTokenRequests,
    textChecks,
    mediaChecks,
    pushes,
    /** Every mini-program code asked for (getwxacodeunlimit), in order. */
    wxaCodes,
    /** Texts containing `word` are flagged from now on. */
    flagWord: (word: string) => void flagWords.add(word),
    /** Images whose link contains `mark` (an upload id, say) are refused from now on. */
    flagImage: (mark: string) => void flagImages.add(mark),
    /** Where verdicts are pushed, and the push token they are signed with (entered in WeChat's console). */
    pushTo: (url: string, token: () => string | Promise<string>) => void (pushTarget = { url, token }),
    /** Pushes the verdict of a recorded media check (its flagged marks decide, unless `suggest` is given): the push route's status. */
    push,
    /** Someone force-refreshed the token elsewhere: the one handed out so far answers errcode 40001. */
    rotateToken: () => void (generation += 1),
    currentToken,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
