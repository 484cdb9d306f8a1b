import { ContentCheckUnavailableError } from '@ltx/shared/domain/errors';
import { logger } from '../http/logger';
import { postWechat, type WechatApi } from './wechat-api';

/**
 * WeChat's scenes for content checks (msg_sec_check and media_check_async alike): what kind of
 * publication the text or image is, which tunes how strict the check is.
 */
export const contentScenes = { profile: 1, comment: 2, forum: 3, journal: 4 } as const;
export type ContentScene = keyof typeof contentScenes;

/**
 * Who wrote the text or posted the image: WeChat wants the openid of a user who used the
 * mini-program in the last two hours. Resolved on the server (services/content-screen.ts); never
 * answered to a client nor logged.
 */
export interface ContentAuthor {
  openid: string;
}

/** WeChat's content security checks, behind one interface: HTTP against WeChat (or its loopback fake). */
export interface ContentCheck {
  /** msg_sec_check v2: `flagged` when WeChat's verdict is `risky`. */
  checkText(text: string, author: ContentAuthor, scene?: ContentScene): Promise<'pass' | 'flagged'>;
  /** media_check_async v2 for an image WeChat fetches from `mediaUrl`: the trace id its verdict will be pushed with. */
  submitImage(mediaUrl: string, author: ContentAuthor, scene?: ContentScene): Promise<string>;
}

/** msg_sec_check v2 takes at most 2500 characters a call: longer texts (minutes run to 10000) go in parts. */
export const msgSecCheckMaxChars = 2500;
/** Parts overlap so that a word cut at a boundary is still seen whole in one of them. */
const partOverlap = 50;

/** `text` in parts of at most `msgSecCheckMaxChars` characters (code points), overlapping by `partOverlap`. */
export function textParts(text: string): string[] {
  const chars = [...text];
  if (chars.length <= msgSecCheckMaxChars) return [text];
  const parts: string[] = [];
  for (let start = 0; start < chars.length; start += msgSecCheckMaxChars - partOverlap) {
    parts.push(chars.slice(start, start + msgSecCheckMaxChars).join(''));
    if (start + msgSecCheckMaxChars >= chars.length) break;
  }
  return parts;
}

interface MsgSecCheckAnswer {
  errcode?: number;
  trace_id?: string;
  result?: { suggest?: 'pass' | 'review' | 'risky'; label?: number };
}

export class HttpContentCheck implements ContentCheck {
  constructor(private readonly api: WechatApi) {}

  async checkText(text: string, author: ContentAuthor, scene: ContentScene = 'forum'): Promise<'pass' | 'flagged'> {
    const verdicts = await Promise.all(textParts(text).map((part) => this.checkPart(part, author, scene)));
    return verdicts.includes('flagged') ? 'flagged' : 'pass';
  }

  private async checkPart(text: string, author: ContentAuthor, scene: ContentScene): Promise<'pass' | 'flagged'> {
    const answer = await this.call<MsgSecCheckAnswer>('/wxa/msg_sec_check', { content: text, version: 2, scene: contentScenes[scene], openid: author.openid });
    const suggest = answer.result?.suggest;
    if (suggest === 'risky') return 'flagged';
    // WeChat is unsure: the text passes, and the trace id lets an operator look the verdict up (never the text).
    if (suggest === 'review') logger.warn('content check: text to review', { traceId: answer.trace_id, label: answer.result?.label });
    else if (suggest !== 'pass') throw this.unavailable('msg_sec_check', answer.errcode);
    return 'pass';
  }

  async submitImage(mediaUrl: string, author: ContentAuthor, scene: ContentScene = 'forum'): Promise<string> {
    const answer = await this.call<{ errcode?: number; trace_id?: string }>('/wxa/media_check_async', {
      media_url: mediaUrl, media_type: 2, version: 2, scene: contentScenes[scene], openid: author.openid,
    });
    if (answer.errcode || !answer.trace_id) throw this.unavailable('media_check_async', answer.errcode);
    return answer.trace_id;
  }

  /** WeChat's answer, or ContentCheckUnavailable when it cannot be reached: nothing is stored unchecked. */
  private async call<T extends { errcode?: number }>(path: string, body: unknown): Promise<T> {
    try {
      return await postWechat<T>(this.api, path, body);
    } catch (error) {
      logger.error('content check failed', { path, errorName: (error as Error)?.name });
      throw new ContentCheckUnavailableError();
    }
  }

  private unavailable(api: string, errcode: number | undefined): ContentCheckUnavailableError {
    logger.error('content check refused by WeChat', { api, errcode });
    return new ContentCheckUnavailableError();
  }
}
