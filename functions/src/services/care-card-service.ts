import { suggestedCareCardShow } from '@ltx/shared/domain/care-card';
import { ConflictError, NotFoundError, ValidationError } from '@ltx/shared/domain/errors';
import type { Actor } from '@ltx/shared/domain/roles';
import { careCardItemLabels, type CareCardItem } from '@ltx/shared/labels';
import type { CareCardInput, CareCardPage } from '@ltx/shared/schemas/care-card';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { BranchRecord, MemberRecord } from '../repositories/records';
import type { UserRepository } from '../repositories/user-repository';
import { authorize } from './authorize';
import { memberResource } from './member-views';

export interface CareCardServiceDeps {
  members: Pick<MemberRepository, 'get' | 'replace'>;
  orgs: Pick<OrgRepository, 'getBranch'>;
  users: Pick<UserRepository, 'namesOf'>;
  audit: AuditRepository;
  clock?: Clock;
}

/** A save that keeps meeting a concurrent write of the member (the secretary's edit) tries again this often. */
const attempts = 3;

/**
 * The care card (爱心卡): name, the branch, and what the member or their proxy chose to put on it (address,
 * health in their own words, care notes, emergency contacts, the paired contact). It is printed and carried;
 * online only the member and their proxy read it (`careCard.read`), and only they decide what is on it
 * (`careCard.edit`). Its health words are health data: refused without the member's consent, erased with it.
 */
export class CareCardService {
  private readonly clock: Clock;

  constructor(private readonly deps: CareCardServiceDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  async page(actor: Actor, memberId: string): Promise<CareCardPage> {
    const { member, branch } = await this.load(actor, memberId, 'careCard.read');
    return this.view(member, branch);
  }

  async save(actor: Actor, memberId: string, input: CareCardInput): Promise<CareCardPage> {
    for (let attempt = 1; ; attempt++) {
      const { member, branch } = await this.load(actor, memberId, 'careCard.edit');
      if ((member.careCard?.version ?? 0) !== input.expectedVersion) throw new ConflictError();
      const health = { ...(input.conditions ? { conditions: input.conditions } : {}), ...(input.medicines ? { medicines: input.medicines } : {}) };
      if (Object.keys(health).length && !member.healthConsent) {
        const path = input.conditions ? 'conditions' : 'medicines';
        throw new ValidationError([{ path, message: `${careCardItemLabels[path]}：先在“健康信息同意”里同意保存健康信息，才能写在卡上` }]);
      }
      const at = this.clock.now().toISOString();
      const next: MemberRecord = {
        ...member,
        careCard: { show: { ...input.show }, ...(Object.keys(health).length ? { health } : {}), version: input.expectedVersion + 1, updatedAt: at, updatedBy: actor.userId },
        version: member.version + 1, updatedAt: at, updatedBy: actor.userId,
      };
      const written = await this.deps.members.replace(next, member.version);
      if (written.kind === 'conflict') {
        if (attempt < attempts) continue;
        throw new ConflictError();
      }
      await this.deps.audit.append(member.branchId, {
        at, actorUserId: actor.userId, actorRole: actor.role, action: 'careCard.edit', targetType: 'member', targetId: member.id, memberName: member.name,
        careCard: { items: (Object.keys(careCardItemLabels) as CareCardItem[]).filter((item) => input.show[item]) },
      });
      return this.view(next, branch);
    }
  }

  private async load(actor: Actor, memberId: string, action: 'careCard.read' | 'careCard.edit'): Promise<{ member: MemberRecord; branch: BranchRecord | undefined }> {
    const member = await this.deps.members.get(memberId, { withSensitive: true });
    if (!member) throw new NotFoundError();
    const branch = await this.deps.orgs.getBranch(member.branchId);
    const resource = memberResource(member);
    authorize(actor, action, branch ? { ...resource, orgId: branch.orgId, orgPath: branch.orgPath } : resource);
    return { member, branch };
  }

  private async view(member: MemberRecord, branch: BranchRecord | undefined): Promise<CareCardPage> {
    const contactNames = member.contactUserId ? await this.deps.users.namesOf([member.contactUserId]) : new Map<string, string>();
    const contactName = member.contactUserId ? contactNames.get(member.contactUserId) : undefined;
    const card = member.careCard;
    const show = Object.fromEntries((Object.keys(careCardItemLabels) as CareCardItem[]).map((item) => [item, card ? card.show[item] === true : suggestedCareCardShow[item]])) as CareCardPage['show'];
    // Health words are read back only while the consent stands (a withdrawal erases them; this is the second lock).
    const health = member.healthConsent ? card?.health : undefined;
    return {
      memberId: member.id,
      memberName: member.name,
      branchName: branch?.name ?? '',
      version: card?.version ?? 0,
      show,
      healthConsent: !!member.healthConsent,
      ...(health?.conditions ? { conditions: health.conditions } : {}),
      ...(health?.medicines ? { medicines: health.medicines } : {}),
      ...(member.address ? { address: member.address } : {}),
      ...(member.sensitive ? { careNotes: member.sensitive.careNotes } : {}),
      emergencyContacts: member.sensitive?.emergencyContacts ?? [],
      ...(contactName ? { contactName } : {}),
      ...(card ? { updatedAt: card.updatedAt } : {}),
    };
  }
}
