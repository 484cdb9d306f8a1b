import { memberLimits } from '@ltx/shared/limits';
import { type DateParts, isBlank, isoFromParts } from './date-parts';
import { dateText } from './format';
import type { Transfer } from './types';

/** What the sending secretary reads before confirming: the move, and what follows from it. */
export function transferConfirmText(name: string, toBranchName: string, on: string): string {
  return `请核对：${name}的组织关系自${dateText(on)}起转至${toBranchName}。提交后要等${toBranchName}接收；接收以前，${name}仍在本支部名单上。接收后，自这一天起本支部的会议不再计入${name}，提醒由${toBranchName}发出；这一天以前的会议、积分和送学上门记录都留在本支部。接收以前可以撤回。`;
}

/** A transfer waiting for the other side, as the sending page says it. */
export function outgoingText(t: Pick<Transfer, 'memberName' | 'toBranchName' | 'on'>): string {
  return `${t.memberName}的组织关系转至${t.toBranchName}（${dateText(t.on)}），等待对方接收`;
}

/** A transfer waiting for this branch, as the receiving secretary reads it. */
export function incomingText(t: Pick<Transfer, 'memberName' | 'fromBranchName' | 'on'>): string {
  return `${t.memberName}，由${t.fromBranchName}转入，转接日期${dateText(t.on)}`;
}

export function acceptConfirmText(t: Pick<Transfer, 'memberName' | 'on'>): string {
  return `接收后，${t.memberName}列入本支部党员名单，自${dateText(t.on)}起计入本支部的会议和预警；党员本人和家属重新打开小程序即可继续使用。请再联系一位联系人与其结对。`;
}

export interface TransferFormErrors {
  toBranchId?: string;
  on?: string;
  note?: string;
}

/** The form's own check, the same as the server's: a branch chosen, a real day, not after today, not before joining. */
export function transferFormProblems(form: { toBranchId: string; on: DateParts; note: string }, joinedPartyOn: string, today: string): { errors: TransferFormErrors; on?: string } {
  const errors: TransferFormErrors = {};
  if (!form.toBranchId) errors.toBranchId = '请选择转入哪个支部';
  const on = isBlank(form.on) ? null : isoFromParts(form.on);
  if (isBlank(form.on)) errors.on = '请填写转接日期';
  else if (!on) errors.on = '日期不对，请检查年、月、日';
  else if (on > today) errors.on = '转接日期不能晚于今天';
  else if (on < joinedPartyOn) errors.on = '转接日期不能早于入党日期';
  if (form.note.trim().length > memberLimits.departureNote) errors.note = `备注最多 ${memberLimits.departureNote} 个字`;
  return { errors, ...(on ? { on } : {}) };
}
