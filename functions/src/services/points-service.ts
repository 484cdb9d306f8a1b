import { createHash, randomUUID } from 'node:crypto';
import { chinaDay } from '@ltx/shared/time/china-day';
import { attendanceAward, liveEntries, tally } from '@ltx/shared/domain/points-rules';
import { pointsEnabled } from '@ltx/shared/domain/rule-inheritance';
import type { Actor } from '@ltx/shared/domain/roles';
import { ManualAwardInput, ReversalInput, type BranchPoints, type MemberPoints, type PointsEntry } from '@ltx/shared/schemas/points';
import { attendanceStatusLabels, sessionKindLabels } from '@ltx/shared/labels';
import { AlreadyReversedError, NotFoundError, PointsOffError, ValidationError } from '@ltx/shared/domain/errors';
import type { AuditRepository } from '../repositories/audit-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import { entryLocation, type PointsRepository } from '../repositories/points-repository';
import type { AttendanceRecord, MemberRecord, PointsEntryRecord, SessionRecord } from '../repositories/records';
import type { RulesRepository } from '../repositories/rules-repository';
import type { SignoffRepository } from '../repositories/signoff-repository';
import { assertPeriodOpen } from './period-lock';
import { authorize } from './authorize';
import { branchResource, placed } from './places';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { AttendanceListener } from './participation-tracker';
import type { Screen } from './content-screen';
import { byPinyin } from '@ltx/shared/domain/name-order';

/** `<year>_<memberId>_<hash>`: deterministic, so the same event always lands on the same entry. */
export function entryId(year: number, memberId: string, ...parts: string[]): string {
  return `${year}_${memberId}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20)}`;
}


/**
 * The points ledger. Entries are the only truth: appended once under deterministic ids, never
 * changed; a tally is computed from one Query over the member's year. See docs/data-model.md.
 */
export class PointsService implements AttendanceListener {
  readonly derives = 'points' as const;

  constructor(
    private readonly deps: {
      points: PointsRepository;
      members: MemberRepository;
      orgs: OrgRepository;
      rules: RulesRepository;
      signoffs: SignoffRepository;
      audit: AuditRepository;
      /** WeChat's content checks: an award's or a reversal's reason is read by the member. */
      screen: Screen;
      clock?: Clock;
    },
  ) {}

  private get clock() {
    return this.deps.clock ?? systemClock;
  }

  async lineStored(session: SessionRecord, memberId: string, line: AttendanceRecord | undefined): Promise<boolean> {
    return this.syncAttendance(session, memberId, line);
  }

  /** Every line of the session (on close, or asked for): an entry lost to a crash after an attendance write is added here. */
  async reconcile(session: SessionRecord): Promise<string[]> {
    const repaired: string[] = [];
    // A few members at a time: each is its own partition, so they do not contend.
    for (let i = 0; i < session.expected.length; i += 10) {
      const chunk = session.expected.slice(i, i + 10);
      const wrote = await Promise.all(chunk.map(({ memberId }) => this.syncAttendance(session, memberId, session.attendance?.[memberId])));
      chunk.forEach(({ memberId }, k) => wrote[k] && repaired.push(memberId));
    }
    return repaired;
  }

  /**
   * Brings a member's entries for one session in line with their attendance line: the live entry
   * is reversed if it no longer fits, and the fitting one added. Awards of one source are numbered
   * by generation (how many reversals it has had), so at most one can ever be live, even when two
   * syncs race. Safe to run again at any time: it only appends what is missing. Nothing is earned
   * before the session starts (a visit delivered early earns its points once the session has begun,
   * at the latest when the record is closed). Answers whether it appended anything.
   */
  async syncAttendance(session: SessionRecord, memberId: string, line: AttendanceRecord | undefined): Promise<boolean> {
    const rules = (await this.deps.rules.ofBranch(session.branchId)).points;
    // Where points are not kept, attendance neither awards nor reverses: the entries made before stay as they are.
    if (!pointsEnabled(rules)) return false;
    const started = session.startsAt <= this.clock.now().toISOString();
    const desired = started ? attendanceAward(session.kind, line?.status, rules) : null;
    const date = chinaDay(session.startsAt);
    const year = Number(date.slice(0, 4));
    const sourceKey = `session:${session.id}`;
    const entries = (await this.deps.points.memberYear(memberId, year)).filter((e) => e.sourceKey === sourceKey);
    const live = liveEntries(entries);
    const fits = (e: PointsEntryRecord) => !!desired && e.category === desired.category && e.points === desired.points;
    if ((live.length === 1 && fits(live[0]!)) || (live.length === 0 && !desired)) return false;
    const by = line?.recordedBy ?? 'system';
    const now = this.clock.now().toISOString();
    const base = { orgId: session.orgId, branchId: session.branchId, memberId, year, date, sourceKey, sessionId: session.id, recordedBy: by, recordedAt: now };
    const statusWords = line?.status ? attendanceStatusLabels[line.status] : '未登记';
    let wrote = false;
    for (const e of live) {
      wrote = (await this.deps.points.append({
        ...base, id: entryId(year, memberId, 'reversal', e.id), category: e.category, points: -e.points, source: 'reversal', reversalOf: e.id,
        reason: `出席情况改为“${statusWords}”，更正原记录`,
      })) === 'created' || wrote;
    }
    if (!desired) return wrote;
    const generation = entries.filter((e) => e.reversalOf).length + live.length;
    const outcome = await this.deps.points.append({
      ...base, id: entryId(year, memberId, 'attendance', session.id, String(generation)), category: desired.category, points: desired.points,
      source: line?.visitRequestId ? 'visit' : 'attendance', ...(line?.visitRequestId ? { visitRequestId: line.visitRequestId } : {}),
      reason: `${sessionKindLabels[session.kind]}「${session.topic}」：${statusWords}`,
    });
    return outcome === 'created' || wrote;
  }

  async memberPoints(actor: Actor, memberId: string, year?: number): Promise<MemberPoints> {
    const member = await this.loadMember(actor, memberId, 'points.read');
    const y = year ?? this.thisYear();
    const [entries, effective] = await Promise.all([this.deps.points.memberYear(memberId, y), this.deps.rules.ofBranch(member.branchId)]);
    const { total, byCategory } = tally(entries, effective.points);
    return { memberId, memberName: member.name, year: y, base: effective.points.basePerYear, total, enabled: pointsEnabled(effective.points), byCategory, entries: toViews(entries) };
  }

  /** The branch table: every member's total, by name only (no ranking: 国办函〔2026〕12号). */
  async branchPoints(actor: Actor, branchId: string, year?: number): Promise<BranchPoints> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, 'points.branch', branchResource(branch));
    const y = year ?? this.thisYear();
    const [members, entries, { points: rules }] = await Promise.all([this.deps.members.listByBranch(branchId), this.deps.points.branchYear(branchId, y), this.deps.rules.ofPath(branch.orgPath)]);
    const byMember = new Map<string, PointsEntryRecord[]>();
    for (const e of entries) byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e]);
    const rows = members.map((m) => {
      const own = byMember.get(m.id) ?? [];
      return { memberId: m.id, name: m.name, total: tally(own, rules).total, entries: liveEntries(own).length };
    });
    rows.sort((a, b) => byPinyin(a.name, b.name));
    return { branchId, year: y, enabled: pointsEnabled(rules), rows };
  }

  /** A manual award (volunteering, positive-energy activity, a correction). Same Idempotency-Key, same entry. */
  async award(actor: Actor, memberId: string, input: ManualAwardInput, idempotencyKey?: string): Promise<{ created: boolean; entry: PointsEntry }> {
    const member = await this.loadMember(actor, memberId, 'points.write');
    const date = input.date ?? chinaDay(this.clock.now().toISOString());
    if (!pointsEnabled((await this.deps.rules.ofBranch(member.branchId)).points)) throw new PointsOffError();
    await assertPeriodOpen(this.deps.signoffs, member.branchId, date);
    if (input.refersTo && !entryLocation(input.refersTo)) throw new ValidationError([{ path: 'refersTo', message: '更正的原记录：编号不正确' }]);
    await this.deps.screen.texts(actor, ManualAwardInput, input, ['reason']);
    const year = Number(date.slice(0, 4));
    const id = entryId(year, memberId, 'manual', actor.userId, idempotencyKey ?? randomUUID());
    const entry: PointsEntryRecord = {
      id, orgId: member.orgId, branchId: member.branchId, memberId, year, date, category: input.category, points: input.points, source: 'manual',
      sourceKey: `manual:${id}`, ...(input.refersTo ? { refersTo: input.refersTo } : {}), reason: input.reason, recordedBy: actor.userId, recordedAt: this.clock.now().toISOString(),
    };
    const outcome = await this.deps.points.append(entry);
    const stored = outcome === 'created' ? entry : (await this.deps.points.memberYear(memberId, year)).find((e) => e.id === id)!;
    if (outcome === 'created') {
      await this.deps.audit.append(member.branchId, {
        at: entry.recordedAt, actorUserId: actor.userId, action: 'points.award', targetType: 'member', targetId: memberId,
        actorRole: actor.role, memberName: member.name, points: { category: entry.category, points: entry.points },
      });
    }
    return { created: outcome === 'created', entry: toViews([stored])[0]! };
  }

  /** The one way to undo an entry: a reversal that links it and says why. A second reversal answers 409. */
  async reverse(actor: Actor, entryIdText: string, input: ReversalInput): Promise<PointsEntry> {
    const location = entryLocation(entryIdText);
    if (!location) throw new NotFoundError();
    const member = await this.loadMember(actor, location.memberId, 'points.write');
    const entries = await this.deps.points.memberYear(location.memberId, location.year);
    const original = entries.find((e) => e.id === entryIdText);
    if (!original || original.reversalOf) throw new NotFoundError();
    if (entries.some((e) => e.reversalOf === original.id)) throw new AlreadyReversedError();
    // A reversal is dated like the entry it undoes, so it would change the signed-off period.
    await assertPeriodOpen(this.deps.signoffs, member.branchId, original.date);
    await this.deps.screen.texts(actor, ReversalInput, input, ['reason']);
    const reversal: PointsEntryRecord = {
      ...original, id: entryId(location.year, location.memberId, 'reversal', original.id), points: -original.points, source: 'reversal', reversalOf: original.id,
      reason: input.reason, recordedBy: actor.userId, recordedAt: this.clock.now().toISOString(),
    };
    // The id is fixed by the original: of two reversals at once, exactly one is written.
    if ((await this.deps.points.append(reversal)) === 'exists') throw new AlreadyReversedError();
    await this.deps.audit.append(member.branchId, {
      at: reversal.recordedAt, actorUserId: actor.userId, action: 'points.reverse', targetType: 'member', targetId: member.id,
      actorRole: actor.role, memberName: member.name, points: { category: reversal.category, points: reversal.points },
    });
    return toViews([...entries, reversal]).find((e) => e.id === reversal.id)!;
  }

  private thisYear(): number {
    return Number(chinaDay(this.clock.now().toISOString()).slice(0, 4));
  }

  private async loadMember(actor: Actor, memberId: string, action: 'points.read' | 'points.write'): Promise<MemberRecord> {
    const member = await this.deps.members.get(memberId, { withSensitive: false });
    if (!member) throw new NotFoundError();
    authorize(actor, action, await placed(this.deps.orgs, { type: 'member', orgId: member.orgId, branchId: member.branchId, memberId, contactUserId: member.contactUserId ?? null }));
    return member;
  }
}

function toViews(entries: PointsEntryRecord[]): PointsEntry[] {
  const reversedBy = new Map(entries.filter((e) => e.reversalOf).map((e) => [e.reversalOf!, e.id]));
  return entries
    .map((e) => ({
      id: e.id, memberId: e.memberId, year: e.year, date: e.date, category: e.category, points: e.points, source: e.source,
      ...(e.sessionId ? { sessionId: e.sessionId } : {}), ...(e.visitRequestId ? { visitRequestId: e.visitRequestId } : {}),
      ...(e.reversalOf ? { reversalOf: e.reversalOf } : {}), ...(e.refersTo ? { refersTo: e.refersTo } : {}),
      ...(reversedBy.has(e.id) ? { reversedBy: reversedBy.get(e.id)! } : {}),
      reason: e.reason, recordedBy: e.recordedBy, recordedAt: e.recordedAt,
    }))
    .sort((a, b) => b.date.localeCompare(a.date) || b.recordedAt.localeCompare(a.recordedAt));
}
