import * as z from 'zod';
import { BindingInput, DemoAccount, DevLoginInput, Me, Session, WechatLoginInput } from '@ltx/shared/schemas/auth';
import { Invite, InviteCreateInput, MemberCreateInput, MemberDetail, MemberPatchInput, MemberSummary } from '@ltx/shared/schemas/member';
import { Branch } from '@ltx/shared/schemas/org';

/**
 * Request and response shapes per handler, for the API document (docs/openapi.json). The
 * handlers validate with the same schemas, so the document cannot describe another API.
 */
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const apiContract: Record<string, { request?: z.ZodType; response: z.ZodType; status?: number }> = {
  health: { response: z.object({ status: z.literal('ok') }) },
  'auth-wechat': { request: WechatLoginInput, response: Session },
  'auth-dev-login': { request: DevLoginInput, response: Session },
  'auth-demo-accounts': { response: items(DemoAccount) },
  'me-get': { response: Me },
  'branches-list': { response: items(Branch) },
  'branch-get': { response: Branch },
  'members-list': { response: items(MemberSummary) },
  'member-create': { request: MemberCreateInput, response: MemberDetail, status: 201 },
  'member-get': { response: MemberDetail },
  'member-update': { request: MemberPatchInput, response: MemberDetail },
  'invite-create': { request: InviteCreateInput, response: Invite, status: 201 },
  'member-change-approve': { response: MemberDetail },
  'binding-create': { request: BindingInput, response: Session },
};
