/**
 * A change the branch made, said as the member and their family read it on the home page (变动通知):
 * a short title, what changed (as planned → as it is now), the reason, and who told them when.
 * Impersonal on purpose: the same sentence serves the member and a daughter acting for her.
 * Zod-free (types only): the mini-program imports it.
 */
import { roleLabels } from '../domain/roles';
import { sessionKindLabels } from '../labels';
import type { Notice, NoticeWhen } from '../schemas/notice';
import { dateWords, whenWords, windowWords, type DateWordsOptions } from './time-words';

export interface NoticeWords {
  title: string;
  /** What changed, one sentence per line. */
  lines: string[];
  /** 原因：…, when the branch gave one. */
  reason?: string;
  /** 支部书记张卫东 12月1日告知. */
  told: string;
}

const timeOf = (w: NoticeWhen, options: DateWordsOptions) => (w.endsAt ? windowWords(w.startsAt, w.endsAt, options) : whenWords(w.startsAt, options));
const placeOf = (w: NoticeWhen | undefined) => (w?.place ? `，在${w.place}` : '');

/** 支部党员大会「学习二十届四中全会精神」; 送学上门 of a session names its study. */
function sessionName(n: Notice): string {
  const kind = n.sessionKind ? sessionKindLabels[n.sessionKind] : '学习';
  return n.sessionTopic ? `${kind}「${n.sessionTopic}」` : kind;
}

/** `today`: the reader's now, so that this year's dates go without the year. */
export function noticeWords(n: Notice, options: DateWordsOptions = {}): NoticeWords {
  const told = `${roleLabels[n.byRole]}${n.byName} ${dateWords(n.at, { ...options, weekday: false })}告知`;
  const reason = n.reason ? `原因：${n.reason}` : undefined;
  const lines: string[] = [];
  let title: string;
  switch (n.kind) {
    case 'visit_scheduled':
      title = '送学上门安排好了';
      if (n.to) lines.push(`${n.contactName ?? '联系人'}将在${timeOf(n.to, options)}上门送学。`);
      break;
    case 'visit_moved':
      title = '送学上门改时间了';
      if (n.from) lines.push(`原来定的是${timeOf(n.from, options)}。`);
      if (n.to) lines.push(`改为${timeOf(n.to, options)}，${n.contactName ?? '联系人'}上门。`);
      break;
    case 'visit_cancelled':
      title = '送学上门取消了';
      lines.push(n.from ? `原来定在${timeOf(n.from, options)}的送学上门不来了。` : `这次${sessionName(n)}的送学上门不来了。`);
      break;
    case 'session_moved': {
      const name = sessionName(n);
      const placeOnly = n.from && n.to && n.from.startsAt === n.to.startsAt;
      title = placeOnly ? `${n.sessionKind ? sessionKindLabels[n.sessionKind] : '学习'}换地方了` : `${n.sessionKind ? sessionKindLabels[n.sessionKind] : '学习'}改时间了`;
      if (n.from) lines.push(`${name}原来定在${timeOf(n.from, options)}${placeOf(n.from)}。`);
      if (n.to) lines.push(`改为${timeOf(n.to, options)}${placeOf(n.to)}。`);
      break;
    }
  }
  return { title, lines, ...(reason ? { reason } : {}), told };
}
