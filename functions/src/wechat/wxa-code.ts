import { WxaCodeUnavailableError } from '@ltx/shared/domain/errors';
import { logger } from '../http/logger';
import type { WechatApi } from './wechat-api';

/** Which build of the mini-program a code opens: the released one in production, the trial one elsewhere. */
export type WxaEnvVersion = 'release' | 'trial' | 'develop';

/** Mini-program codes (小程序码) for a page and a scene, made by WeChat. */
export interface WxaCodeMaker {
  /** The PNG of a code that opens `page` with `scene` (at most 32 characters). */
  unlimited(scene: string, page: string): Promise<Buffer>;
}

/** The token expired (42001), was replaced (40001) or is not one (40014). */
const staleToken = new Set([40001, 40014, 42001]);

/**
 * `POST /wxa/getwxacodeunlimit`: answers the image itself on success and JSON with an errcode on failure,
 * so it cannot go through `postWechat` (JSON only); a stale token is dropped and the call made once more
 * with a fresh one, as there. `check_path: false` lets a code name a page of a build not yet released.
 */
export class HttpWxaCodeMaker implements WxaCodeMaker {
  constructor(
    private readonly api: WechatApi,
    private readonly envVersion: WxaEnvVersion,
  ) {}

  async unlimited(scene: string, page: string): Promise<Buffer> {
    const doFetch = this.api.fetch ?? fetch;
    for (let attempt = 1; ; attempt++) {
      let token: string;
      let response: Response;
      try {
        token = await this.api.tokens.token();
        const url = new URL('/wxa/getwxacodeunlimit', this.api.baseUrl);
        url.searchParams.set('access_token', token);
        response = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ scene, page, check_path: false, env_version: this.envVersion }),
          signal: AbortSignal.timeout(5000),
        });
      } catch (error) {
        logger.error('getwxacodeunlimit failed', { errorName: (error as Error)?.name });
        throw new WxaCodeUnavailableError();
      }
      const bytes = Buffer.from(await response.arrayBuffer());
      if ((response.headers.get('content-type') ?? '').startsWith('image/')) return bytes;
      const errcode = errcodeOf(bytes);
      if (attempt === 1 && errcode !== undefined && staleToken.has(errcode)) {
        this.api.tokens.invalidate(token);
        continue;
      }
      logger.error('getwxacodeunlimit refused by WeChat', { errcode });
      throw new WxaCodeUnavailableError();
    }
  }
}

function errcodeOf(bytes: Buffer): number | undefined {
  try {
    const answer = JSON.parse(bytes.toString('utf8')) as { errcode?: number };
    return typeof answer.errcode === 'number' ? answer.errcode : undefined;
  } catch {
    return undefined;
  }
}
