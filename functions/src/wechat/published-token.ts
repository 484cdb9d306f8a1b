import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { ChangingSecret } from '../secrets/secret-source';
import type { AccessTokenSource, IssuedToken, StableTokenSource } from './access-token';

/** How the token is written into its secret ("WeChat access token"). */
interface Published {
  accessToken: string;
  expiresAt: string;
}

function parse(text: string | undefined): IssuedToken | undefined {
  try {
    const value = JSON.parse(text ?? '') as Partial<Published>;
    if (typeof value.accessToken !== 'string' || typeof value.expiresAt !== 'string') return undefined;
    return { accessToken: value.accessToken, expiresAt: new Date(value.expiresAt) };
  } catch {
    // The secret as CloudFormation created it, before the reminder job's first run.
    return undefined;
  }
}

/**
 * The token the reminder job published, for functions that may not read the AppSecret (AWS).
 * Read at most every `cacheMs` (a Secrets Manager call per request would add latency and cost),
 * and again at once when WeChat says the token went stale.
 */
export class PublishedTokenSource implements AccessTokenSource {
  private current?: { issued: IssuedToken; readAt: number };

  constructor(
    private readonly secret: Pick<ChangingSecret, 'read'>,
    private readonly clock: Clock = systemClock,
    private readonly cacheMs = 5 * 60 * 1000,
  ) {}

  async token(): Promise<string> {
    const now = this.clock.now().getTime();
    const current = this.current;
    if (current && now - current.readAt < this.cacheMs && current.issued.expiresAt.getTime() > now) return current.issued.accessToken;
    const issued = parse(await this.secret.read());
    if (!issued || issued.expiresAt.getTime() <= now) throw new Error('No live WeChat access token is published (the reminder job publishes it every 15 minutes)');
    this.current = { issued, readAt: now };
    return issued.accessToken;
  }

  invalidate(stale: string): void {
    if (this.current?.issued.accessToken === stale) this.current = undefined;
  }
}

/**
 * The reminder job's part (every `nextRunMs`): keep a token in the secret that outlives the next run.
 * WeChat answers the same token until it expires, so when it would expire before the next run the
 * job asks for a new one now (force refresh, about 13 times a day of the 20 WeChat allows) rather
 * than leave the readers with an expired one until then. Writes only when the token changed.
 */
export async function publishAccessToken(source: StableTokenSource, secret: ChangingSecret, nextRunMs: number, clock: Clock = systemClock): Promise<'published' | 'unchanged'> {
  let issued = await source.issued();
  if (issued.expiresAt.getTime() - clock.now().getTime() < nextRunMs + 5 * 60 * 1000) issued = await source.forceRefresh();
  if (parse(await secret.read())?.accessToken === issued.accessToken) return 'unchanged';
  await secret.write(JSON.stringify({ accessToken: issued.accessToken, expiresAt: issued.expiresAt.toISOString() } satisfies Published));
  return 'published';
}
