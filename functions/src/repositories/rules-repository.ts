import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { effectiveRules, pathIds, ruleKinds, type EffectiveRules, type Overrides, type RuleKind, type RuleSets } from '@ltx/shared/domain/rule-inheritance';
import { rootPath } from '@ltx/shared/domain/hierarchy';
import * as z from 'zod/mini';
import { batchGetAll } from '../db/batch-get';
import { keys } from '../db/keys';
import { defineEntity, objectOf } from '../db/entity';
import { TableRepository } from '../db/table-repository';

/** An organisation's override of one kind: the rules as saved (checked by the shared schemas when written), and who saved them. */
const saved = z.object({ rules: objectOf<object>(), updatedBy: z.optional(z.string()), updatedAt: z.optional(z.string()) });
const ruleKeys: Record<RuleKind, (orgId: string) => { pk: string; sk: string }> = { frequency: keys.frequencyRules, visits: keys.visitRules, points: keys.pointsRules };
const entities = {
  frequency: defineEntity({ type: 'FrequencyRules', schema: saved, keys: (_r: unknown, orgId: string) => keys.frequencyRules(orgId) }),
  visits: defineEntity({ type: 'VisitRules', schema: saved, keys: (_r: unknown, orgId: string) => keys.visitRules(orgId) }),
  points: defineEntity({ type: 'PointsRules', schema: saved, keys: (_r: unknown, orgId: string) => keys.pointsRules(orgId) }),
};
const kindOfSk = Object.fromEntries(ruleKinds.map((k) => [ruleKeys[k]('').sk, k])) as Record<string, RuleKind>;

/**
 * Rules as data, inherited down the hierarchy (shared/src/domain/rule-inheritance.ts). The effective rules of a
 * place are one BatchGetItem of the rule items and names of the organisations on its path, however big the tree.
 */
export interface RulesRepository {
  /** The effective rules at a path (an organisation's, or the one a branch sits under). */
  ofPath(path: string): Promise<EffectiveRules>;
  /** The same for several paths in one batch (compliance: one per distinct place, not one per branch). */
  ofPaths(paths: string[]): Promise<Map<string, EffectiveRules>>;
  /** The effective rules of a branch where it sits now (one GetItem of its place, kept with the rules). */
  ofBranch(branchId: string): Promise<EffectiveRules>;
  save<K extends RuleKind>(orgId: string, kind: K, rules: RuleSets[K], by: string, at: string): Promise<void>;
  /** Removes an organisation's override: it inherits again. */
  remove(orgId: string, kind: RuleKind): Promise<void>;
}

/**
 * Rules change a few times a year and are read on every attendance change, so each process keeps them for
 * half a minute (a save in this process drops every copy at once; other Lambdas follow within 30 s).
 */
const cacheMs = 30_000;

export class DynamoRulesRepository extends TableRepository implements RulesRepository {
  private readonly cache = new Map<string, { until: number; value: Promise<EffectiveRules> }>();

  private cached(key: string, load: () => Promise<EffectiveRules>): Promise<EffectiveRules> {
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = load();
    this.cache.set(key, { until: Date.now() + cacheMs, value });
    value.catch(() => this.cache.delete(key));
    return value;
  }

  ofPath(path: string): Promise<EffectiveRules> {
    return this.cached(path, async () => (await this.load([path])).get(path)!);
  }

  async ofPaths(paths: string[]): Promise<Map<string, EffectiveRules>> {
    const unique = [...new Set(paths)];
    const missing = unique.filter((p) => !((this.cache.get(p)?.until ?? 0) > Date.now()));
    const loading = missing.length ? this.load(missing) : Promise.resolve(new Map<string, EffectiveRules>());
    for (const p of missing) this.cached(p, async () => (await loading).get(p)!);
    return new Map(await Promise.all(unique.map(async (p) => [p, await this.ofPath(p)] as const)));
  }

  ofBranch(branchId: string): Promise<EffectiveRules> {
    return this.cached(`branch:${branchId}`, async () => {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.branch(branchId), ProjectionExpression: 'orgId, orgPath' }));
      return this.ofPath(Item ? String(Item.orgPath ?? rootPath(String(Item.orgId))) : '/');
    });
  }

  /** One BatchGetItem (per 100 keys) of every path organisation's name and rule items; then each path resolved. */
  private async load(paths: string[]): Promise<Map<string, EffectiveRules>> {
    const ids = [...new Set(paths.flatMap(pathIds))];
    const wanted = ids.flatMap((id) => [keys.org(id), ...ruleKinds.map((k) => ruleKeys[k](id))]);
    const overrides = new Map<string, Overrides>();
    const names = new Map<string, string>();
    for (const item of await batchGetAll(this.db, this.table, wanted)) {
      const orgId = String(item.pk).slice('ORG#'.length);
      const kind = kindOfSk[String(item.sk)];
      if (kind) overrides.set(orgId, { ...overrides.get(orgId), [kind]: entities[kind].fromItem(item).rules });
      else if (typeof item.name === 'string') names.set(orgId, item.name);
    }
    return new Map(paths.map((p) => [p, effectiveRules(p, (id) => overrides.get(id), (id) => names.get(id))]));
  }

  async save<K extends RuleKind>(orgId: string, kind: K, rules: RuleSets[K], by: string, at: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: entities[kind].toItem({ rules, updatedBy: by, updatedAt: at }, orgId) }));
    this.cache.clear();
  }

  async remove(orgId: string, kind: RuleKind): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: ruleKeys[kind](orgId) }));
    this.cache.clear();
  }
}
