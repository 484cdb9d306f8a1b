import { consentWayLabels } from '@ltx/shared/labels';
import { isProxy, type Role } from '@ltx/shared/domain/roles';
import type { RouteTypes } from '../../../functions/src/api/types';
import { dateText } from './format';
import { whenText } from './session-time';

export type HealthConsentPage = RouteTypes['GET /api/v1/members/{memberId}/health-consent']['response'];

/**
 * The consent page's words for whoever reads it: the member ("您"), their family proxy (who agrees for
 * the member, by name), or the secretary recording a signed paper form.
 */
export function consentStateText(page: HealthConsentPage, who: { role: Role }): string {
  const subject = who.role === 'member' ? '您' : page.memberName;
  if (!page.consent) return `${subject}还没有同意保存健康和照护信息。不同意也没关系，其他事情都照常办。`;
  const updated = page.consent.termsVersion === page.terms.version ? '' : '（同意书后来有更新，可以重新阅读）';
  return `${subject}已于 ${whenText(page.consent.givenAt)} 同意保存健康和照护信息（${consentWayLabels[page.consent.way]}）${updated}。`;
}

/** The agree button's words: the proxy agrees on the member's behalf, and says so. */
export function agreeLabel(page: HealthConsentPage, who: { role: Role }): string {
  return isProxy(who) ? `我代${page.memberName}同意` : '我同意';
}

/** What withdrawing does, asked before it is done (the second of the two taps). */
export function withdrawQuestion(page: HealthConsentPage, who: { role: Role }): string {
  const whose = who.role === 'member' ? '您的' : `${page.memberName}的`;
  return `撤回后，${whose}健康状况、照护提示和紧急联系人马上删除，以后也不再记录。开会、学习、积分照常。确定撤回吗？`;
}

/** Who read the health data, one line per day, reader and reason: "2026年12月1日 张卫东（支部书记）查看党员信息 2 次". */
export function readLines(page: HealthConsentPage): string[] {
  return page.reads.map((r) => `${dateText(r.day)} ${r.readerText}${r.purposeText}${r.count > 1 ? ` ${r.count} 次` : ''}`);
}

/** The history, newest first, one line each: "2026年12月1日 09:30 同意（家属）". */
export function historyLines(page: HealthConsentPage): string[] {
  return [...page.history].reverse().map((e) => `${whenText(e.at)} ${e.kind === 'given' ? '同意' : '撤回同意'}（${e.byText}）`);
}
