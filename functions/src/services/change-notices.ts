import { createHash } from 'node:crypto';
import type { Actor } from '@ltx/shared/domain/roles';
import { NotFoundError } from '@ltx/shared/domain/errors';
import type { Notice, NoticeKind, NoticeWhen } from '@ltx/shared/schemas/notice';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { MemberRepository } from '../repositories/member-repository';
import type { NoticeRepository } from '../repositories/notice-repository';
import type { OutboxRepository } from '../repositories/outbox-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { NoticeRecord, OutboxRecord, SessionRecord, VisitRecord } from '../repositories/records';
import { noticeWords } from '@ltx/shared/wording/notice-words';
import type { UserRepository } from '../repositories/user-repository';
import { authorize } from './authorize';
import { placed } from './places';

const dayMs = 86_400_000;
/** How far back the home looks for notices: older changes have long been read about or acted on. */
const lookBackDays = 60;
/** A change about something that ended more than a day ago no longer helps anyone plan. */
const staleAfterMs = dayMs;

/** 20261201T053000123Z: ids sort by the change's time (to the millisecond), so the member's partition reads newest first. */
const compactTime = (iso: string) => iso.replace(/[-:.]/g, '');

/** Deterministic per member and change (the subject's version): writing the same change twice writes one notice. */
const noticeId = (at: string, memberId: string, subject: string) =>
  `${compactTime(at)}-${createHash('sha256').update(`${memberId}\u0000${subject}`).digest('hex').slice(0, 16)}`;

const noticeView = ({ branchId: _branch, subject: _subject, seenBy: _seen, ...notice }: NoticeRecord): Notice => notice;

/** The last moment a notice is about: after it, the change is history. */
const endOf = (n: NoticeRecord) => n.to?.endsAt ?? n.to?.startsAt ?? n.from?.endsAt ?? n.from?.startsAt ?? n.at;

/**
 * 变动通知: when the branch schedules, moves or cancels a member's 送学上门, or moves a session, each member
 * it concerns finds it on their home (and their family proxy on theirs) with the reason, until that reader
 * taps 知道了. Written after the change itself is stored; reading is one Query of the member's partition.
 */
export class ChangeNotices {
  constructor(
    private readonly deps: {
      notices: NoticeRepository;
      members: Pick<MemberRepository, 'get' | 'getMany'>;
      /** The subscription message of each notice (or, without one, a reminder to phone on the secretary's outbox). */
      outbox: Pick<OutboxRepository, 'putAll'>;
      orgs: Pick<OrgRepository, 'getBranch'>;
      users: Pick<UserRepository, 'getUser'>;
      clock?: Clock;
    },
  ) {}

  private get clock() {
    return this.deps.clock ?? systemClock;
  }

  /** A visit the branch scheduled, moved or cancelled (the member's own steps tell nobody: they took them). */
  async visitChanged(actor: Actor, before: VisitRecord, after: VisitRecord, session: SessionRecord | undefined, reason: string | undefined): Promise<void> {
    const kind: NoticeKind | undefined =
      after.status === 'cancelled' ? 'visit_cancelled' : after.scheduled && before.scheduled ? 'visit_moved' : after.scheduled ? 'visit_scheduled' : undefined;
    if (!kind) return;
    const windowOf = (s: VisitRecord['scheduled']): NoticeWhen | undefined => (s ? { startsAt: s.windowStart, endsAt: s.windowEnd } : undefined);
    const from = windowOf(before.scheduled);
    const to = kind === 'visit_cancelled' ? undefined : windowOf(after.scheduled);
    await this.write(actor, after.branchId, [after.memberId], { subject: `visit:${after.id}`, version: after.version, sessionId: after.sessionId }, after.history.at(-1)?.at ?? this.clock.now().toISOString(), {
      kind,
      ...(session ? { sessionKind: session.kind, sessionTopic: session.topic } : after.sessionTopic ? { sessionTopic: after.sessionTopic } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(to && after.scheduled ? { contactName: after.scheduled.contactName } : {}),
      ...(reason ? { reason } : {}),
    });
  }

  /** A session moved in time or place: every member it expects who is still on the roll. */
  async sessionMoved(actor: Actor, before: SessionRecord, after: SessionRecord, memberIds: readonly string[], reason: string | undefined): Promise<void> {
    if (before.startsAt === after.startsAt && before.place === after.place) return;
    await this.write(actor, after.branchId, memberIds, { subject: `session:${after.id}`, version: after.version, sessionId: after.id }, after.updatedAt, {
      kind: 'session_moved',
      sessionKind: after.kind,
      sessionTopic: after.topic,
      from: { startsAt: before.startsAt, place: before.place },
      to: { startsAt: after.startsAt, place: after.place },
      ...(reason ? { reason } : {}),
    });
  }

  /** The notices this reader has not yet seen, newest first. */
  async unseen(actor: Actor, memberId: string): Promise<Notice[]> {
    await this.authorize(actor, memberId);
    const now = this.clock.now();
    const from = new Date(now.getTime() - lookBackDays * dayMs).toISOString();
    const recent = await this.deps.notices.since(memberId, compactTime(from));
    // Only the newest word on each visit or session counts: "cancelled" makes "scheduled" history, seen or not.
    const newest = new Map<string, NoticeRecord>();
    for (const n of recent) if (!newest.has(n.subject)) newest.set(n.subject, n);
    return [...newest.values()].filter((n) => !n.seenBy.includes(actor.userId) && new Date(endOf(n)).getTime() > now.getTime() - staleAfterMs).map(noticeView);
  }

  /** 知道了: this reader has seen it (the member's proxy still sees it until they tap too). */
  async seen(actor: Actor, memberId: string, id: string): Promise<void> {
    await this.authorize(actor, memberId);
    if ((await this.deps.notices.markSeen(memberId, id, actor.userId)) === 'missing') throw new NotFoundError();
  }

  /** `at`: when the change was stored (with the subject's version it makes the id: a retry writes the same notice). */
  private async write(
    actor: Actor, branchId: string, memberIds: readonly string[], about: { subject: string; version: number; sessionId: string | undefined }, at: string,
    change: Omit<Notice, 'id' | 'memberId' | 'at' | 'byName' | 'byRole'>,
  ): Promise<void> {
    if (memberIds.length === 0) return;
    const [by, members] = await Promise.all([this.deps.users.getUser(actor.userId), this.deps.members.getMany([...memberIds])]);
    const records: NoticeRecord[] = memberIds.map((memberId) => ({
      ...change, id: noticeId(at, memberId, `${about.subject}\u0000${about.version}`), memberId, branchId, subject: about.subject, at, byName: by?.displayName ?? '', byRole: actor.role, seenBy: [],
    }));
    await this.deps.notices.putAll(records);
    const sessionId = about.sessionId;
    if (!sessionId) return;
    const byId = new Map(members.map((m) => [m.id, m]));
    await this.deps.outbox.putAll(records.flatMap((n): OutboxRecord[] => {
      const member = byId.get(n.memberId);
      if (!member) return [];
      const words = noticeWords(n, { today: at });
      return [{
        id: `change-${n.id}`, branchId, memberId: n.memberId, memberName: member.name, sessionId, kind: 'plan_changed', dueAt: at, status: 'pending',
        // Agreed to WeChat's message for changes: sent at once; otherwise the secretary's outbox lists it to phone.
        channel: member.subscriptions?.includes('plan_changed') ? 'wechat' : 'none',
        text: `${member.name}同志：${words.title}。${words.lines.join('')}${words.reason ? `${words.reason}。` : ''}`,
        change: { title: words.title, at: n.to?.startsAt ?? n.from?.startsAt ?? at, note: n.reason ?? '详情请打开小程序首页查看' },
      }];
    }));
  }

  private async authorize(actor: Actor, memberId: string): Promise<void> {
    const member = await this.deps.members.get(memberId, { withSensitive: false });
    if (!member) throw new NotFoundError();
    authorize(actor, 'notice.read', await placed(this.deps.orgs, { type: 'member', orgId: member.orgId, branchId: member.branchId, memberId, contactUserId: member.contactUserId ?? null }));
  }
}
