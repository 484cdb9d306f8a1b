import type { AccessTokenSource } from './access-token';

/** Where WeChat's server APIs are, and the one token source every caller shares. */
export interface WechatApi {
  /** https://api.weixin.qq.com in AWS; the loopback fake (local/fake-wechat.ts) in tests and on the local stack. */
  baseUrl: string;
  tokens: AccessTokenSource;
  fetch?: typeof fetch;
}

/** The token expired (42001), was replaced (40001) or is not one (40014). */
const staleToken = new Set([40001, 40014, 42001]);

/**
 * POSTs a JSON body to one of WeChat's server APIs (`?access_token=`) and answers WeChat's JSON.
 * A stale token is dropped and the call made once more with a fresh one (the reminder job may have
 * replaced it meanwhile); any other errcode is the caller's to read.
 */
export async function postWechat<T extends { errcode?: number }>(api: WechatApi, path: string, body: unknown): Promise<T> {
  const doFetch = api.fetch ?? fetch;
  for (let attempt = 1; ; attempt++) {
    const token = await api.tokens.token();
    const url = new URL(path, api.baseUrl);
    url.searchParams.set('access_token', token);
    const response = await doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
    const answer = (await response.json()) as T;
    if (attempt === 1 && answer.errcode !== undefined && staleToken.has(answer.errcode)) {
      api.tokens.invalidate(token);
      continue;
    }
    return answer;
  }
}
