import { PushSignatureError } from '@ltx/shared/domain/errors';
import type { WechatPushEvent, WechatPushQuery } from '@ltx/shared/schemas/wechat';
import { logger } from '../http/logger';
import { isPushSigned } from '../wechat/push-signature';
import type { UploadService } from './upload-service';
import { countMetric } from '../observability/metrics';

/**
 * WeChat's message push (消息推送) to the mini-program's server: the URL check when the URL is saved
 * in WeChat's console, and the events, of which the verdicts of image checks (`wxa_media_check`)
 * matter here. Public (WeChat has no user token), so every call must carry WeChat's signature made
 * with the push token; a forged one changes nothing. Idempotent: WeChat retries, and a verdict
 * counts once (UploadService.recordVerdict).
 */
export class WechatPushService {
  constructor(
    private readonly deps: {
      /** The push token entered in WeChat's console (a secret of its own, not the AppSecret). */
      pushToken: () => Promise<string>;
      uploads: Pick<UploadService, 'recordVerdict'>;
    },
  ) {}

  /** The URL check: `echostr` back when the signature is WeChat's. */
  async verifyUrl(query: WechatPushQuery): Promise<string> {
    await this.assertSigned(query);
    return query.echostr ?? '';
  }

  async receive(query: WechatPushQuery, event: WechatPushEvent): Promise<'success'> {
    await this.assertSigned(query);
    if (event.Event !== 'wxa_media_check' || !event.trace_id) return 'success';
    const suggest = event.result?.suggest;
    if (event.errcode || (suggest !== 'pass' && suggest !== 'risky' && suggest !== 'review')) {
      // WeChat could not check the image (it failed to fetch it, say): it stays 审核中, seen by its uploader and the secretary only.
      logger.warn('image check without a verdict', { traceId: event.trace_id, errcode: event.errcode });
      return 'success';
    }
    const outcome = await this.deps.uploads.recordVerdict(event.trace_id, suggest);
    if (suggest === 'risky') countMetric('ContentRejections');
    logger.info('image check verdict', { traceId: event.trace_id, suggest, label: event.result?.label, outcome });
    return 'success';
  }

  private async assertSigned(query: WechatPushQuery): Promise<void> {
    if (!isPushSigned(await this.deps.pushToken(), query)) throw new PushSignatureError();
  }
}
