import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentCheckUnavailableError } from '@ltx/shared/domain/errors';
import { ManualClock } from '@ltx/shared/time/clock';
import type { ChangingSecret } from '../../functions/src/secrets/secret-source';
import { StableTokenSource } from '../../functions/src/wechat/access-token';
import { HttpContentCheck } from '../../functions/src/wechat/content-check';
import { PublishedTokenSource, publishAccessToken } from '../../functions/src/wechat/published-token';
import { startFakeWechat, type FakeWechat } from '../../local/fake-wechat';
import { testClock } from '../support/clock';

/**
 * WeChat's access token, one for every caller: the reminder job asks stable_token (it may read the
 * AppSecret) and publishes the token into its own secret; the functions that check content read it
 * there. Against the loopback fake WeChat over HTTP; the secret (Secrets Manager in AWS) is held in memory.
 */

const minute = 60_000;
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat({ appSecret: () => 'the-app-secret' });
});
afterAll(() => wechat?.close());

const memorySecret = (): ChangingSecret & { writes: number } => {
  let value: string | undefined = 'generated-by-cloudformation';
  const secret = {
    writes: 0,
    read: async () => value,
    write: async (v: string) => {
      value = v;
      secret.writes += 1;
    },
  };
  return secret;
};
const stable = (clock: ManualClock) => new StableTokenSource({ baseUrl: wechat.url, appId: 'wx0000000000000000', appSecret: async () => 'the-app-secret', clock });

describe('the access token', () => {
  it('comes from stable_token once while it lives, and again only near its expiry', async () => {
    const clock = new ManualClock(testClock.now());
    const tokens = stable(clock);
    const before = wechat.stableTokenRequests.length;
    const [a, b] = await Promise.all([tokens.token(), tokens.token()]);
    expect(a).toBe(b);
    expect(await tokens.token()).toBe(a);
    expect(wechat.stableTokenRequests.length - before).toBe(1);
    clock.advance(116 * minute); // within five minutes of the two hours
    await tokens.token();
    expect(wechat.stableTokenRequests.length - before).toBe(2);
    expect(wechat.stableTokenRequests.at(-1)).toMatchObject({ grant_type: 'client_credential', appid: 'wx0000000000000000', force_refresh: false });
  });

  it('is published by the reminder job, refreshed before it would expire before the next run, and read back briefly cached', async () => {
    const clock = new ManualClock(testClock.now());
    const tokens = stable(clock);
    const secret = memorySecret();
    const readers = new PublishedTokenSource(secret, clock);
    await expect(readers.token()).rejects.toThrow(/No live WeChat access token/);

    expect(await publishAccessToken(tokens, secret, 15 * minute, clock)).toBe('published');
    const first = await readers.token();
    expect(first).toBe(wechat.currentToken());
    expect(await publishAccessToken(tokens, secret, 15 * minute, clock)).toBe('unchanged');
    expect(secret.writes).toBe(1);

    // 101 minutes on, the token has 19 left: less than the next run plus a margin, so the job takes a new one now.
    clock.advance(101 * minute);
    expect(await publishAccessToken(tokens, secret, 15 * minute, clock)).toBe('published');
    expect(wechat.stableTokenRequests.at(-1)).toMatchObject({ force_refresh: true });
    const second = wechat.currentToken();
    expect(second).not.toBe(first);
    // Readers keep the old one for at most five minutes, or until WeChat says it is stale.
    readers.invalidate(first);
    expect(await readers.token()).toBe(second);
  });

  it('lets a content check through the published token, and answers 503 while none is published', async () => {
    const clock = new ManualClock(testClock.now());
    const secret = memorySecret();
    const check = new HttpContentCheck({ baseUrl: wechat.url, tokens: new PublishedTokenSource(secret, clock) });
    await expect(check.checkText('你好', { openid: 'openid-x' })).rejects.toBeInstanceOf(ContentCheckUnavailableError);
    await publishAccessToken(stable(clock), secret, 15 * minute, clock);
    expect(await check.checkText('你好', { openid: 'openid-x' })).toBe('pass');
    wechat.flagWord('不妥');
    expect(await check.checkText('有些不妥的话', { openid: 'openid-x' })).toBe('flagged');
  });
});
