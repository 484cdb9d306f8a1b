import { consentWayOf, healthConsentTerms, type ConsentWay } from '@ltx/shared/domain/consent';
import { ConflictError, NotFoundError, ValidationError } from '@ltx/shared/domain/errors';
import { roleLabels, type Actor } from '@ltx/shared/domain/roles';
import { healthReadPurposeLabels } from '@ltx/shared/labels';
import type { ConsentGiveInput, HealthConsentPage } from '@ltx/shared/schemas/consent';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { ConsentRepository } from '../repositories/consent-repository';
import type { HealthReadRepository } from '../repositories/health-read-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { ConsentEventRecord, MemberRecord } from '../repositories/records';
import type { UserRepository } from '../repositories/user-repository';
import { authorize } from './authorize';
import { memberResource } from './member-views';
import { placed } from './places';
import type { UploadService } from './upload-service';

export interface ConsentServiceDeps {
  members: MemberRepository;
  consents: ConsentRepository;
  orgs: OrgRepository;
  users: Pick<UserRepository, 'namesOf'>;
  healthReads: Pick<HealthReadRepository, 'list'>;
  audit: AuditRepository;
  uploads: Pick<UploadService, 'assertUsable'>;
  clock?: Clock;
}

const unknownHealth = 'unknown';
/** How the history names who recorded an event; the secretary by name. */
const byWords: Record<Exclude<ConsentWay, 'secretary_paper'>, string> = { member: '本人', proxy: '家属' };

/**
 * The member's own, separate consent to keep health and care data (PIPL Art. 28–29; docs/pia.md). Given by
 * the member or their proxy in the app, or recorded by the secretary with the photo of a signed paper form;
 * withdrawn by any of them, after which the health and care data are gone from the member's record (and so
 * from every index and export) and no longer accepted. Each giving and withdrawal is appended to the
 * member's consent history and audited. One versioned write of the member, then its event keyed by the
 * version it produced: a retry after a crash in between finds the member changed and writes the event again.
 */
export class ConsentService {
  private readonly clock: Clock;

  constructor(private readonly deps: ConsentServiceDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  async page(actor: Actor, memberId: string): Promise<HealthConsentPage> {
    return this.view(await this.load(actor, memberId, 'consent.read'));
  }

  async give(actor: Actor, memberId: string, input: ConsentGiveInput): Promise<HealthConsentPage> {
    const member = await this.load(actor, memberId, 'consent.give');
    const way = consentWayOf(actor);
    if (way === 'secretary_paper' && !input.paperFormUploadId) {
      throw new ValidationError([{ path: 'paperFormUploadId', message: '签字同意书的照片：书记代为登记时，请拍下本人签字的同意书' }]);
    }
    if (way !== 'secretary_paper' && input.paperFormUploadId) {
      throw new ValidationError([{ path: 'paperFormUploadId', message: '签字同意书的照片：本人或家属在小程序里同意时不需要' }]);
    }
    if (member.healthConsent?.termsVersion === input.termsVersion) return this.view(member); // already given to these words
    if (input.paperFormUploadId) await this.deps.uploads.assertUsable(member.branchId, [{ uploadId: input.paperFormUploadId }], 'paperFormUploadId');
    const at = this.clock.now().toISOString();
    const next: MemberRecord = {
      ...member,
      healthConsent: { termsVersion: input.termsVersion, givenAt: at, givenBy: actor.userId, way, ...(input.paperFormUploadId ? { paperFormUploadId: input.paperFormUploadId } : {}) },
      version: member.version + 1, updatedAt: at, updatedBy: actor.userId,
    };
    await this.write(actor, member, next, { kind: 'given', termsVersion: input.termsVersion, ...(input.paperFormUploadId ? { paperFormUploadId: input.paperFormUploadId } : {}) });
    return this.view(next);
  }

  /** Withdrawal clears the health class, care notes and emergency contacts at once; the roll counts the member as 未登记 again. */
  async withdraw(actor: Actor, memberId: string): Promise<HealthConsentPage> {
    const member = await this.load(actor, memberId, 'consent.withdraw');
    // Data kept before consent was the member's own (a box the secretary ticked) is erased the same way.
    if (!member.healthConsent && !member.sensitive && !member.careCard?.health) return this.view(member);
    const at = this.clock.now().toISOString();
    const { healthConsent: _consent, sensitive: _health, careCard, ...rest } = member;
    // The way they take part (e.g. 送学上门) stays as arranged: nobody stops bringing study because data was erased.
    const next: MemberRecord = {
      ...rest,
      // The care card keeps its choices; what it said about health goes with the rest of the health data.
      ...(careCard ? { careCard: withoutHealth(careCard) } : {}),
      version: member.version + 1, updatedAt: at, updatedBy: actor.userId,
    };
    await this.write(actor, member, next, { kind: 'withdrawn' });
    const before = member.sensitive?.healthClass ?? unknownHealth;
    if (before !== unknownHealth) await this.deps.orgs.adjustCounts(member.branchId, { healthClass: { [before]: -1, [unknownHealth]: 1 } });
    return this.view(next);
  }

  private async write(actor: Actor, member: MemberRecord, next: MemberRecord, event: Pick<ConsentEventRecord, 'kind' | 'termsVersion' | 'paperFormUploadId'>): Promise<void> {
    if ((await this.deps.members.replace(next, member.version)).kind === 'conflict') throw new ConflictError();
    const way = consentWayOf(actor);
    await this.deps.consents.append({ memberId: member.id, memberVersion: next.version, at: next.updatedAt, by: actor.userId, way, ...event });
    await this.deps.audit.append(member.branchId, {
      at: next.updatedAt, actorUserId: actor.userId, actorRole: actor.role, action: event.kind === 'given' ? 'consent.give' : 'consent.withdraw',
      targetType: 'member', targetId: member.id, memberName: member.name, consent: { way },
    });
  }

  private async load(actor: Actor, memberId: string, action: 'consent.read' | 'consent.give' | 'consent.withdraw'): Promise<MemberRecord> {
    const member = await this.deps.members.get(memberId, { withSensitive: true });
    if (!member) throw new NotFoundError();
    authorize(actor, action, await placed(this.deps.orgs, memberResource(member)));
    return member;
  }

  private async view(member: MemberRecord): Promise<HealthConsentPage> {
    const [events, reads] = await Promise.all([this.deps.consents.list(member.id), this.deps.healthReads.list(member.id)]);
    const names = await this.deps.users.namesOf([...events.filter((e) => e.way === 'secretary_paper').map((e) => e.by), ...reads.map((r) => r.readerId)]);
    const consent = member.healthConsent;
    return {
      memberId: member.id,
      memberName: member.name,
      terms: { version: healthConsentTerms.version, title: healthConsentTerms.title, points: [...healthConsentTerms.points] },
      ...(consent ? { consent: { termsVersion: consent.termsVersion, givenAt: consent.givenAt, way: consent.way } } : {}),
      history: events.map((e) => ({
        kind: e.kind, at: e.at, way: e.way,
        byText: e.way === 'secretary_paper' ? `${names.get(e.by) ?? '支部书记'}（支部书记）` : byWords[e.way],
        ...(e.termsVersion ? { termsVersion: e.termsVersion } : {}),
      })),
      reads: [...reads].reverse().map((r) => ({
        day: r.day, count: r.count, purposeText: healthReadPurposeLabels[r.purpose],
        readerText: `${names.get(r.readerId) ?? '一位用户'}（${roleLabels[r.readerRole]}）`,
      })),
    };
  }
}

function withoutHealth({ health: _health, ...card }: NonNullable<MemberRecord['careCard']>): NonNullable<MemberRecord['careCard']> {
  return card;
}
