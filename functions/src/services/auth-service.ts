import { createHash } from 'node:crypto';
import { capabilities } from '@ltx/shared/domain/authz';
import { isVisitor, type Actor } from '@ltx/shared/domain/roles';
import type { DemoAccount, Me, Session } from '@ltx/shared/schemas/auth';
import { ConflictError, InviteAttemptsExceededError, InviteInvalidError, NotFoundError, ValidationError } from '@ltx/shared/domain/errors';
import { inviteGuessLimit } from '@ltx/shared/domain/invites';
import type { InviteAttemptRepository } from '../repositories/invite-attempt-repository';
import type { CheckOpenIdRepository } from '../repositories/check-openid-repository';
import type { AuditRepository } from '../repositories/audit-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { InviteRecord, StaffInviteRecord, UserRecord } from '../repositories/records';
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

/** The user a WeChat identity becomes when it binds: deterministic, so a retried binding lands on the same user. */
const boundUserId = (identityId: string) => `u-${identityId}`;

export class AuthService {
  constructor(
    private readonly deps: {
      users: UserRepository;
      orgs: OrgRepository;
      members: MemberRepository;
      audit: AuditRepository;
      attempts: InviteAttemptRepository;
      /** The openid content checks are made under (services/content-screen.ts). */
      checkOpenIds: CheckOpenIdRepository;
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
    // WeChat's content checks want the author's openid, of a user seen in the last two hours: kept at
    // each login under the user id this identity has, or will have once it binds (`bind` below), so a
    // text written right after binding is checked under its author too.
    const [user] = await Promise.all([userId ? this.deps.users.getUser(userId) : undefined, this.deps.checkOpenIds.keep(userId ?? boundUserId(identityId), identity.openid)]);
    // A withdrawn role leaves a visitor, who may bind again with a new invite.
    if (user && !user.withdrawnAt) {
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

  /**
   * Binds the caller's WeChat identity with an invite code: a member's (as the member or their proxy) or
   * a staff invite (the role and scope it names). Safe to retry. Wrong codes are counted per identity in
   * the table; beyond the limit the identity is refused for the rest of the window (429), right or wrong.
   */
  async bind(actor: Actor, inviteCode: string): Promise<Session> {
    if (!isVisitor(actor) || !actor.userId.startsWith('v-')) throw new ConflictError('ALREADY_BOUND');
    const identityId = actor.userId.slice(2);
    const now = this.clock.now();
    const [window, previousWindow] = guessWindows(now);
    // This window's wrong codes and the last one's: five wrong codes count even when they straddle a window's end.
    const failures = await Promise.all([window, previousWindow].map((w) => this.deps.attempts.failures(actor.userId, w)));
    if (failures[0]! + failures[1]! >= inviteGuessLimit.failures) throw new InviteAttemptsExceededError();
    // Deterministic ids make every step below idempotent, so a retry after a lost reply finishes the job.
    const userId = boundUserId(identityId);
    const found = await this.deps.users.findInvite(inviteCode);
    const live = found && found.invite.expiresAt >= now.toISOString() && (!found.invite.usedBy || found.invite.usedBy === userId);
    if (!found || !live) return this.wrongCode(actor.userId, window);
    const previous = await this.deps.users.getUser(userId);
    const made = found.kind === 'staff'
      ? await this.bindStaff(found.invite, userId, now.toISOString())
      : await this.bindMember(found.invite, userId, now.toISOString());
    if (!made) return this.wrongCode(actor.userId, window);
    const { user, memberName } = made;
    const bound = { ...user, ...sessionVersionAfter(previous, user) };
    await this.deps.users.putUser(bound);
    if ((await this.deps.users.linkWechat(identityId, userId)) === 'conflict') throw new ConflictError('ALREADY_BOUND');
    if (found.kind === 'member') {
      await this.deps.members.markBound(found.invite.memberId);
      await this.deps.audit.append(found.invite.branchId, {
        at: now.toISOString(), actorUserId: userId, action: 'binding.create', targetType: 'member', targetId: found.invite.memberId,
        actorName: user.displayName, actorRole: user.role, memberName, inviteKind: found.invite.kind,
      });
    } else {
      const names = await this.deps.orgs.namesOf(found.invite.orgId, found.invite.branchId);
      if (found.invite.role === 'secretary' && found.invite.branchId) await this.deps.orgs.setSecretaryName(found.invite.branchId, user.displayName);
      await this.deps.audit.append(found.invite.branchId ?? found.invite.orgId, {
        at: now.toISOString(), actorUserId: userId, action: 'staff.join', targetType: 'staff', targetId: userId,
        actorName: user.displayName, actorRole: user.role,
        staff: { name: user.displayName, role: found.invite.role, scope: (found.invite.branchId ? names.branchName : names.orgName) ?? '' },
      });
    }
    return this.sessionFor(bound);
  }

  /** A code that names nothing usable: counted against the identity; the one that reaches the limit is refused as such. */
  private async wrongCode(identity: string, window: string): Promise<never> {
    if ((await this.deps.attempts.recordFailure(identity, window, inviteGuessLimit.failures)) === 'refused') throw new InviteAttemptsExceededError();
    throw new InviteInvalidError();
  }

  /** The member or proxy account a member invite makes; undefined when the invite is taken or its member is gone. */
  private async bindMember(invite: InviteRecord, userId: string, at: string): Promise<{ user: UserRecord; memberName: string } | undefined> {
    if ((await this.deps.users.useInvite(invite.code, userId, at)) === 'used') return undefined;
    const member = await this.deps.members.get(invite.memberId, { withSensitive: false });
    if (!member) return undefined;
    const user: UserRecord = {
      id: userId,
      role: invite.kind === 'self' ? 'member' : 'proxy',
      displayName: invite.kind === 'self' ? member.name : `${member.name}的家属`,
      orgId: invite.orgId,
      branchId: invite.branchId,
      memberId: invite.memberId,
      createdAt: at,
    };
    return { user, memberName: member.name };
  }

  /** The staff account a staff invite makes: its role over its scope, under the name the administrator gave. */
  private async bindStaff(invite: StaffInviteRecord, userId: string, at: string): Promise<{ user: UserRecord; memberName?: undefined } | undefined> {
    if ((await this.deps.users.useStaffInvite(invite.code, userId, at)) === 'used') return undefined;
    const user: UserRecord = {
      id: userId,
      role: invite.role,
      displayName: invite.name,
      orgId: invite.orgId,
      ...(invite.branchId ? { branchId: invite.branchId } : {}),
      createdAt: at,
    };
    return { user };
  }

  /** The openid is kept only while the member has agreed to reminders, and dropped when they have not. */
  private async keepOpenIdForReminders(user: UserRecord, openid: string): Promise<void> {
    if (!user.memberId) return;
    const member = await this.deps.members.get(user.memberId, { withSensitive: false });
    const wanted = (member?.subscriptions?.length ?? 0) > 0 ? openid : null;
    if ((user.wechatOpenId ?? null) !== wanted) await this.deps.users.setOpenId(user.id, wanted);
  }

  /** A session for the account; `seconds` shortens its life (a computer's, services/console-login-service.ts). */
  async sessionFor(user: UserRecord, seconds?: number): Promise<Session> {
    const [token, me] = await Promise.all([this.deps.tokens.issue(actorOf(user), user.sessionVersion ?? 0, seconds), this.describe(user)]);
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

/** The starts of the guessing window `now` falls in and of the one before (windows of `inviteGuessLimit.windowMinutes`). */
function guessWindows(now: Date): [string, string] {
  const size = inviteGuessLimit.windowMinutes * 60_000;
  const start = Math.floor(now.getTime() / size) * size;
  return [new Date(start).toISOString(), new Date(start - size).toISOString()];
}

/**
 * The session version of a (re)bound account: the previous record's, grown when the role or scope differs
 * or was withdrawn, so a token of the old role never works again; kept on a plain retry.
 */
function sessionVersionAfter(previous: UserRecord | undefined, next: UserRecord): Pick<UserRecord, 'sessionVersion'> {
  if (!previous) return {};
  const same = !previous.withdrawnAt && previous.role === next.role && previous.orgId === next.orgId && previous.branchId === next.branchId && previous.memberId === next.memberId;
  const version = previous.sessionVersion ?? 0;
  return { sessionVersion: same ? version : version + 1 };
}

function visitorMe(visitor: Actor): Me {
  return { userId: visitor.userId, role: 'visitor', displayName: '微信用户', can: capabilities(visitor) };
}
