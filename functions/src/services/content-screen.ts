import type * as z from 'zod/mini';
import { ContentCheckUnavailableError, ContentFlaggedError } from '@ltx/shared/domain/errors';
import type { Actor } from '@ltx/shared/domain/roles';
import { titleAt } from '@ltx/shared/validation';
import { logger } from '../http/logger';
import type { CheckOpenIdRepository } from '../repositories/check-openid-repository';
import type { ContentAuthor, ContentCheck, ContentScene } from '../wechat/content-check';
import { countMetric } from '../observability/metrics';

export interface ContentScreenDeps {
  check: ContentCheck;
  openIds: CheckOpenIdRepository;
  /**
   * The organisation's service openid (config `WECHAT_CHECK_OPENID`), for authors WeChat knows no
   * openid of: accounts that never signed in through WeChat since they were bound.
   */
  serviceOpenId?: string;
  /** The local stack and tests: an author with no openid at all is let through with a logged reason. In AWS it is refused (503). */
  skipWithoutOpenId: boolean;
}

/**
 * What every service asks before it stores a text others read or shows an image to others: WeChat's
 * content checks (msg_sec_check v2, media_check_async v2) under the author's openid, resolved here
 * from the actor's user id and never handed on. The one helper for every service: they name the
 * fields, it checks each once, in parallel, and refuses with every flagged field named.
 */
export class ContentScreen {
  constructor(private readonly deps: ContentScreenDeps) {}

  /**
   * Checks the texts of `input` at `paths` (dotted; `*` for each element of an array, e.g.
   * `items.*.what`), named by their titles in `schema`. Throws ContentFlaggedError naming each
   * flagged field; call it before anything is written, so a refused text leaves nothing stored.
   */
  async texts(actor: Actor, schema: z.core.$ZodType, input: unknown, paths: readonly string[], scene: ContentScene = 'forum'): Promise<void> {
    const fields = paths.flatMap((p) => textsAt(input, p.split('.'), []));
    if (fields.length === 0) return;
    const author = await this.author(actor);
    if (!author) return;
    // One call per distinct text (a bulk entry's repeated leave reason is checked once), all at once.
    const verdicts = new Map<string, Promise<'pass' | 'flagged'>>();
    for (const f of fields) if (!verdicts.has(f.text)) verdicts.set(f.text, this.deps.check.checkText(f.text, author, scene));
    await Promise.all(verdicts.values());
    const flagged: { path: string; title: string }[] = [];
    for (const f of fields) {
      if ((await verdicts.get(f.text)) === 'flagged') flagged.push({ path: f.path.join('.'), title: titleAt(schema, f.path) ?? '填写的内容' });
    }
    if (flagged.length) {
      countMetric('ContentRejections');
      throw new ContentFlaggedError(flagged);
    }
  }

  /** Submits an image WeChat fetches from `mediaUrl` for its asynchronous check: the trace id its verdict comes back with. */
  async image(actor: Actor, mediaUrl: string, scene: ContentScene = 'forum'): Promise<string | undefined> {
    const author = await this.author(actor);
    return author && this.deps.check.submitImage(mediaUrl, author, scene);
  }

  private async author(actor: Actor): Promise<ContentAuthor | undefined> {
    const openid = (await this.deps.openIds.of(actor.userId)) ?? this.deps.serviceOpenId;
    if (openid) return { openid };
    if (this.deps.skipWithoutOpenId) {
      logger.warn('content check skipped: the author has no WeChat openid and no service openid is configured (local stack only)', { userId: actor.userId });
      return undefined;
    }
    logger.error('content check impossible: the author has no WeChat openid and WECHAT_CHECK_OPENID is not set', { userId: actor.userId });
    throw new ContentCheckUnavailableError();
  }
}

/** What services ask before storing a text others read or showing an image to others. */
export type Screen = Pick<ContentScreen, 'texts' | 'image'>;

/** The non-blank strings of `value` along `parts`, each with its path. */
function textsAt(value: unknown, parts: readonly string[], path: (string | number)[]): { path: (string | number)[]; text: string }[] {
  const [head, ...rest] = parts;
  if (head === undefined) return typeof value === 'string' && value.trim() ? [{ path, text: value }] : [];
  if (head === '*') return Array.isArray(value) ? value.flatMap((v, i) => textsAt(v, rest, [...path, i])) : [];
  return value && typeof value === 'object' ? textsAt((value as Record<string, unknown>)[head], rest, [...path, head]) : [];
}
