/** Invite codes are 6 capital letters or digits; people type them any way, so tidy first. */
export function normaliseInviteCode(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase().slice(0, 6);
}

/** The message to show under the box, or undefined when the code looks right. */
export function inviteCodeProblem(code: string): string | undefined {
  if (!code) return '请输入邀请码';
  return /^[A-Z0-9]{6}$/.test(code) ? undefined : '邀请码为 6 位字母或数字';
}
