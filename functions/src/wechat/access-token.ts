import { systemClock, type Clock } from '@ltx/shared/time/clock';

/**
 * WeChat's access token, shared by every caller of WeChat's server APIs (subscription messages,
 * content checks). Two sources: `StableTokenSource` asks `/cgi-bin/stable_token` with the AppSecret
 * (the reminder job in AWS, and the one local process); `PublishedTokenSource` (published-token.ts)
 * reads what the reminder job published, so the other functions never hold the AppSecret.
 */
export interface AccessTokenSource {
  token(): Promise<string>;
  /** WeChat said the token is expired or revoked (errcode 40001, 42001): the next `token()` fetches again. */
  invalidate(stale: string): void;
}

/** A token and the instant it stops working. */
export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
}

export interface StableTokenOptions {
  /** https://api.weixin.qq.com in AWS; the loopback fake (local/fake-wechat.ts) in tests and on the local stack. */
  baseUrl: string;
  appId: string;
  appSecret: () => Promise<string>;
  clock?: Clock;
  fetch?: typeof fetch;
}

/** Kept this long before WeChat's own expiry, so a token is never used in its last minutes. */
const marginMs = 5 * 60 * 1000;

/**
 * `POST /cgi-bin/stable_token` (JSON body). In its ordinary mode WeChat answers the same token for
 * as long as it lives, to every caller: unlike `/cgi-bin/token`, asking again invalidates nothing.
 */
export class StableTokenSource implements AccessTokenSource {
  private current?: IssuedToken;
  /** The request under way, shared by everyone who asks meanwhile. */
  private pending?: Promise<IssuedToken>;

  constructor(private readonly options: StableTokenOptions) {}

  private get clock(): Clock {
    return this.options.clock ?? systemClock;
  }

  async token(): Promise<string> {
    return (await this.issued()).accessToken;
  }

  /** The current token with its expiry (the reminder job publishes both). */
  async issued(): Promise<IssuedToken> {
    if (this.current && this.current.expiresAt.getTime() - marginMs > this.clock.now().getTime()) return this.current;
    return (this.pending ??= this.keep(this.request(false)));
  }

  /**
   * A new token now; the old one stops working at once. WeChat allows this 20 times a day: the
   * reminder job uses it only when the token would otherwise expire before its next run.
   */
  async forceRefresh(): Promise<IssuedToken> {
    return (this.pending = this.keep(this.request(true)));
  }

  invalidate(stale: string): void {
    if (this.current?.accessToken === stale) this.current = undefined;
  }

  /** Keeps what a request answers; a failed request is not kept, so the next caller asks again. */
  private keep(request: Promise<IssuedToken>): Promise<IssuedToken> {
    const kept = request.then((issued) => (this.current = issued)).finally(() => {
      if (this.pending === kept) this.pending = undefined;
    });
    return kept;
  }

  private async request(forceRefresh: boolean): Promise<IssuedToken> {
    const doFetch = this.options.fetch ?? fetch;
    const response = await doFetch(new URL('/cgi-bin/stable_token', this.options.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: this.options.appId, secret: await this.options.appSecret(), force_refresh: forceRefresh }),
      signal: AbortSignal.timeout(5000),
    });
    const body = (await response.json()) as { access_token?: string; expires_in?: number; errcode?: number };
    if (!body.access_token) throw new Error(`WeChat stable_token errcode ${body.errcode}`);
    return { accessToken: body.access_token, expiresAt: new Date(this.clock.now().getTime() + (body.expires_in ?? 7200) * 1000) };
  }
}
