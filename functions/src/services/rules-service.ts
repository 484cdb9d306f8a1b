import { pointsEnabled, ruleSourceWords, type RuleKind, type RuleSets } from '@ltx/shared/domain/rule-inheritance';
import type { Actor } from '@ltx/shared/domain/roles';
import type { EffectiveRulesView } from '@ltx/shared/schemas/rules';
import { HierarchyStateError, NotFoundError } from '@ltx/shared/domain/errors';
import type { Clock } from '@ltx/shared/time/clock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { OrgRepository } from '../repositories/org-repository';
import { orgPathOf, type OrgRecord } from '../repositories/records';
import type { RulesRepository } from '../repositories/rules-repository';
import { authorize } from './authorize';
import { orgResource } from './places';

/**
 * An organisation's rules as its administrator sees and sets them: each kind with where it comes from
 * (its own, a superior's, the national ones), an override for its subtree, and reverting to inherit.
 * Inspectors read; administrators of the organisation or above edit (`rules.read`, `rules.edit`).
 */
export class RulesService {
  constructor(private readonly deps: { rules: RulesRepository; orgs: OrgRepository; audit: AuditRepository; clock: Clock }) {}

  async view(actor: Actor, orgId: string): Promise<EffectiveRulesView> {
    return this.viewOf(await this.load(actor, orgId, 'rules.read'));
  }

  /** One kind's effective rules (the older `GET …/session-rules`, `…/points-rules`). */
  async effective<K extends RuleKind>(actor: Actor, orgId: string, kind: K): Promise<RuleSets[K]> {
    const org = await this.load(actor, orgId, 'rules.read');
    return (await this.deps.rules.ofPath(orgPathOf(org)))[kind];
  }

  /** This organisation's own rules of one kind, for itself and every organisation and branch below that does not set its own. */
  async save<K extends RuleKind>(actor: Actor, orgId: string, kind: K, rules: RuleSets[K]): Promise<RuleSets[K]> {
    const org = await this.load(actor, orgId, 'rules.edit');
    if (org.closedOn) throw new HierarchyStateError('ORG_CLOSED');
    const before = kind === 'points' ? pointsEnabled((await this.deps.rules.ofPath(orgPathOf(org))).points) : undefined;
    const at = this.deps.clock.now().toISOString();
    await this.deps.rules.save(orgId, kind, rules, actor.userId, at);
    const after = kind === 'points' ? pointsEnabled(rules as RuleSets['points']) : undefined;
    const points = before === after ? {} : { points: after ? ('on' as const) : ('off' as const) };
    await this.deps.audit.append(orgId, { at, actorUserId: actor.userId, actorRole: actor.role, action: 'rules.set', targetType: 'org', targetId: orgId, rules: { kind, org: org.name, ...points } });
    return rules;
  }

  /** Drops this organisation's own rules of one kind: it follows its superior's (or the national) again. Nothing to drop: nothing written. */
  async revert(actor: Actor, orgId: string, kind: RuleKind): Promise<EffectiveRulesView> {
    const org = await this.load(actor, orgId, 'rules.edit');
    if ((await this.deps.rules.ofPath(orgPathOf(org))).from[kind]?.orgId === orgId) {
      await this.deps.rules.remove(orgId, kind);
      const at = this.deps.clock.now().toISOString();
      await this.deps.audit.append(orgId, { at, actorUserId: actor.userId, actorRole: actor.role, action: 'rules.revert', targetType: 'org', targetId: orgId, rules: { kind, org: org.name } });
    }
    return this.viewOf(org);
  }

  private async viewOf(org: OrgRecord): Promise<EffectiveRulesView> {
    const effective = await this.deps.rules.ofPath(orgPathOf(org));
    const origin = <K extends RuleKind>(kind: K) => {
      const from = effective.from[kind];
      return {
        origin: !from ? ('national' as const) : from.orgId === org.id ? ('own' as const) : ('inherited' as const),
        words: ruleSourceWords(from, org.id),
        ...(from ? { fromOrgId: from.orgId } : {}),
        rules: effective[kind],
      };
    };
    return { orgId: org.id, orgName: org.name, hasParent: !!org.parentId, frequency: origin('frequency'), visits: origin('visits'), points: origin('points') };
  }

  private async load(actor: Actor, orgId: string, action: 'rules.read' | 'rules.edit'): Promise<OrgRecord> {
    const org = await this.deps.orgs.getOrg(orgId);
    authorize(actor, action, org ? orgResource(org) : { type: 'org', orgId });
    if (!org) throw new NotFoundError();
    return org;
  }
}
