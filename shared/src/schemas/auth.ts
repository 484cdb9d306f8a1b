import * as z from 'zod/mini';
import { actions } from '../domain/authz';
import { roles } from '../domain/roles';
import { Id, Text, titled } from './common';

export const WechatLoginInput = z.strictObject({ code: Text('微信登录凭证', 128) });
export type WechatLoginInput = z.infer<typeof WechatLoginInput>;

export const DevLoginInput = z.strictObject({ account: Text('演示账号', 40) });
export type DevLoginInput = z.infer<typeof DevLoginInput>;

export const BindingInput = z.strictObject({
  inviteCode: titled(z.string().check(z.trim(), z.regex(/^[A-Z0-9]{6}$/, '应为 6 位字母或数字')), '邀请码'),
});
export type BindingInput = z.infer<typeof BindingInput>;

export const Me = z.object({
  userId: Id,
  role: z.enum(roles),
  displayName: z.string(),
  orgId: z.optional(Id),
  orgName: z.optional(z.string()),
  branchId: z.optional(Id),
  branchName: z.optional(z.string()),
  /** The member this account is, or acts for (proxy). */
  memberId: z.optional(Id),
  memberName: z.optional(z.string()),
  secretaryName: z.optional(z.string()),
  attendanceMode: z.optional(z.enum(['in_person', 'home_delivered', 'online'])),
  /** Reminder kinds the member agreed to receive. */
  subscriptions: z.optional(z.array(z.string())),
  /**
   * What the person may do within their own scope (their organisation, branch, own or paired member),
   * as `can()` decides: pages offer what is allowed from this, never from the role's name.
   */
  can: z.record(z.enum(actions), z.boolean()),
});
export type Me = z.infer<typeof Me>;

export const Session = z.object({ token: z.string(), me: Me });
export type Session = z.infer<typeof Session>;

export const DemoAccount = z.object({ account: z.string(), label: z.string(), role: z.enum(roles) });
export type DemoAccount = z.infer<typeof DemoAccount>;
