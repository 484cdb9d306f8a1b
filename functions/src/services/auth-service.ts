import { createHash } from 'node:crypto';
import { capabilities } from '@ltx/shared/domain/authz';
import { isVisitor, type Actor } from '@ltx/shared/domain/roles';
import type { DemoAccount, Me, Session } from '@ltx/shared/schemas/auth';
import { ConflictError, InviteInvalidError, NotFoundError, ValidationError } from '@ltx/shared/domain/errors';
import type { AuditRepository } from '../repositories/audit-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { UserRecord } from '../repositories/records';
import type { UserRepository } from '../repositories/user-repository';
import type { WechatClient } from '../wechat/wechat-client';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import { actorOf } from './authorize';
import type { TokenService } from './tokens';

/**
 * A WeChat identity is kept only as a salted hash of its openid: enough to recognise the
 * same person again, nothing to leak.
 */
export function wechatIdentityId(appId: string, openid: string): string {
  return createHash('sha256').update(`${appId}:${openid}`).digest('hex').slice(0, 32);
}

export class AuthService {
  constructor(
    private readonly deps: {
      users: UserRepository;
      orgs: OrgRepository;
      members: MemberRepository;
      audit: AuditRepository;
      tokens: TokenService;
      wechat: WechatClient;
      wechatAppId: string;
      clock?: Clock;
    },
  ) {}

  private get clock(): Clock {
    return this.deps.clock ?? systemClock;
  }

  async wechatLogin(code: string): Promise<Session> {
    const identity = await this.deps.wechat.code2Session(code);
    const identityId = wechatIdentityId(this.deps.wechatAppId, identity.openid);
    const userId = await this.deps.users.userIdForWechat(identityId);
    const user = userId ? await this.deps.users.getUser(userId) : undefined;
    if (user) {
      await this.keepOpenIdForReminders(user, identity.openid);
      return this.sessionFor(user);
    }
    // Not bound yet: a visitor may only bind itself with an invite code.
    const visitor: Actor = { userId: `v-${identityId}`, role: 'visitor' };
    return { token: await this.deps.tokens.issue(visitor), me: visitorMe(visitor) };
  }

  async demoAccounts(): Promise<DemoAccount[]> {
    const accounts = await this.deps.users.listDemoAccounts();
    return accounts.map(({ account, label, role }) => ({ account, label, role }));
  }

  async devLogin(account: string): Promise<Session> {
    const demo = await this.deps.users.getDemoAccount(account);
    const user = demo && (await this.deps.users.getUser(demo.userId));
    if (!user) throw new ValidationError([{ path: 'account', message: '演示账号：没有这个演示账号' }]);
    return this.sessionFor(user);
  }

  async me(actor: Actor): Promise<Me> {
    if (isVisitor(actor)) return visitorMe(actor);
    const user = await this.deps.users.getUser(actor.userId);
    if (!user) throw new NotFoundError();
    return this.describe(user);
  }

  /** Binds the caller's WeChat identity to a member record, as the member or as their proxy. Safe to retry. */
  async bind(actor: Actor, inviteCode: string): Promise<Session> {
    if (!isVisitor(actor) || !actor.userId.startsWith('v-')) throw new ConflictError('ALREADY_BOUND');
    const identityId = actor.userId.slice(2);
    const invite = await this.deps.users.getInvite(inviteCode);
    const now = this.clock.now();
    if (!invite || invite.expiresAt < now.toISOString()) throw new InviteInvalidError();
    // Deterministic ids make every step below idempotent, so a retry after a lost reply finishes the job.
    const userId = `u-${identityId}`;
    if ((await this.deps.users.useInvite(inviteCode, userId, now.toISOString())) === 'used') throw new InviteInvalidError();
    const member = await this.deps.members.get(invite.memberId, { withSensitive: false });
    if (!member) throw new InviteInvalidError();
    const user: UserRecord = {
      id: userId,
      role: invite.kind === 'self' ? 'member' : 'proxy',
      displayName: invite.kind === 'self' ? member.name : `${member.name}的家属`,
      orgId: invite.orgId,
      branchId: invite.branchId,
      memberId: invite.memberId,
      createdAt: now.toISOString(),
    };
    await this.deps.users.putUser(user);
    if ((await this.deps.users.linkWechat(identityId, userId)) === 'conflict') throw new ConflictError('ALREADY_BOUND');
    await this.deps.members.markBound(invite.memberId);
    await this.deps.audit.append(invite.branchId, {
      at: now.toISOString(), actorUserId: userId, action: 'binding.create', targetType: 'member', targetId: invite.memberId,
      actorName: user.displayName, actorRole: user.role, memberName: member.name, inviteKind: invite.kind,
    });
    return this.sessionFor(user);
  }

  /** The openid is kept only while the member has agreed to reminders, and dropped when they have not. */
  private async keepOpenIdForReminders(user: UserRecord, openid: string): Promise<void> {
    if (!user.memberId) return;
    const member = await this.deps.members.get(user.memberId, { withSensitive: false });
    const wanted = (member?.subscriptions?.length ?? 0) > 0 ? openid : null;
    if ((user.wechatOpenId ?? null) !== wanted) await this.deps.users.setOpenId(user.id, wanted);
  }

  private async sessionFor(user: UserRecord): Promise<Session> {
    const [token, me] = await Promise.all([this.deps.tokens.issue(actorOf(user)), this.describe(user)]);
    return { token, me };
  }

  private async describe(user: UserRecord): Promise<Me> {
    const [names, member] = await Promise.all([
      this.deps.orgs.namesOf(user.orgId, user.branchId),
      user.memberId ? this.deps.members.get(user.memberId, { withSensitive: false }) : undefined,
    ]);
    return {
      userId: user.id,
      role: user.role,
      displayName: user.displayName,
      ...(user.orgId ? { orgId: user.orgId } : {}),
      ...(names.orgName ? { orgName: names.orgName } : {}),
      ...(user.branchId ? { branchId: user.branchId } : {}),
      ...(names.branchName ? { branchName: names.branchName } : {}),
      ...(names.secretaryName ? { secretaryName: names.secretaryName } : {}),
      ...(member ? { memberId: member.id, memberName: member.name, attendanceMode: member.attendanceMode, subscriptions: member.subscriptions ?? [] } : {}),
      can: capabilities(actorOf(user)),
    };
  }
}

function visitorMe(visitor: Actor): Me {
  return { userId: visitor.userId, role: 'visitor', displayName: '微信用户', can: capabilities(visitor) };
}
