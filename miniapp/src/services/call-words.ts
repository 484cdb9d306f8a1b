import type { LastCall } from '@ltx/shared/schemas/session';
import { dateText } from './format';
import { whenText } from './session-time';

/** "上次联系：2026年12月1日 09:30，张卫东" with the note when there is one: who called when. */
export function lastCallText(call: Pick<LastCall, 'at' | 'byName' | 'note'>): string {
  return `上次联系：${whenText(call.at)}，${call.byName || '工作人员'}${call.note ? `（${call.note}）` : ''}`;
}

/** "2027年1月30日前不再提醒": how long a call rests the five-month warning. */
export const quietUntilText = (day: string) => `${dateText(day)}前不再提醒`;
