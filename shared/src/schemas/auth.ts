import * as z from 'zod';
import { actions } from '../domain/authz';
import { roles } from '../domain/roles';
import { Id } from './common';

export const WechatLoginInput = z
  .object({ code: z.string().trim().min(1).max(128).meta({ title: '微信登录凭证' }) })
  .strict();
export type WechatLoginInput = z.infer<typeof WechatLoginInput>;

export const DevLoginInput = z
  .object({ account: z.string().trim().min(1).max(40).meta({ title: '演示账号' }) })
  .strict();
export type DevLoginInput = z.infer<typeof DevLoginInput>;

export const BindingInput = z
  .object({ inviteCode: z.string().trim().regex(/^[A-Z0-9]{6}$/, '应为 6 位字母或数字').meta({ title: '邀请码' }) })
  .strict();
export type BindingInput = z.infer<typeof BindingInput>;

export const Me = z.object({
  userId: Id,
  role: z.enum(roles),
  displayName: z.string(),
  orgId: Id.optional(),
  orgName: z.string().optional(),
  branchId: Id.optional(),
  branchName: z.string().optional(),
  /** The member this account is, or acts for (proxy). */
  memberId: Id.optional(),
  memberName: z.string().optional(),
  secretaryName: z.string().optional(),
  attendanceMode: z.enum(['in_person', 'home_delivered', 'online']).optional(),
  /** Reminder kinds the member agreed to receive. */
  subscriptions: z.array(z.string()).optional(),
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
