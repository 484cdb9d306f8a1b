import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { defaultFrequencyRules } from '@ltx/shared/domain/session-rules';
import { defaultOverdueRules, type OverdueRules } from '@ltx/shared/domain/visit-rules';
import { defaultPointsRules } from '@ltx/shared/domain/points-rules';
import type { PointsRules } from '@ltx/shared/schemas/points';
import type { FrequencyRules } from '@ltx/shared/schemas/session';
import * as z from 'zod/mini';
import { keys } from '../db/keys';
import { defineEntity, objectOf } from '../db/entity';
import { TableRepository } from '../db/table-repository';

/** An organisation's rules item: the rules as saved (checked by the shared schemas when written), and who saved them. */
const rulesEntity = <R extends object>(type: string, key: (orgId: string) => { pk: string; sk: string }) =>
  defineEntity({
    type,
    schema: z.object({ rules: objectOf<R>(), updatedBy: z.optional(z.string()), updatedAt: z.optional(z.string()) }),
    keys: (_saved: { rules: R }, orgId: string) => key(orgId),
  });
/** Saved before a rule existed, an organisation's rules may lack it: the default fills it in. */
const frequencyRules = rulesEntity<Partial<FrequencyRules>>('FrequencyRules', keys.frequencyRules);
const visitRules = rulesEntity<Partial<OverdueRules>>('VisitRules', keys.visitRules);
const pointsRules = rulesEntity<PointsRules>('PointsRules', keys.pointsRules);

/** An organisation's rules as data; the defaults stand until its admin saves its own. */
export interface RulesRepository {
  frequency(orgId: string): Promise<FrequencyRules>;
  saveFrequency(orgId: string, rules: FrequencyRules, by: string, at: string): Promise<void>;
  overdue(orgId: string): Promise<OverdueRules>;
  points(orgId: string): Promise<PointsRules>;
  savePoints(orgId: string, rules: PointsRules, by: string, at: string): Promise<void>;
}

/**
 * Rules change a few times a year and are read on every attendance change, so each process keeps
 * them for half a minute (a save in this process drops its copy at once; other Lambdas follow within 30 s).
 */
const cacheMs = 30_000;

export class DynamoRulesRepository extends TableRepository implements RulesRepository {
  private readonly cache = new Map<string, { until: number; value: Promise<unknown> }>();

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.value as Promise<T>;
    const value = load();
    this.cache.set(key, { until: Date.now() + cacheMs, value });
    value.catch(() => this.cache.delete(key));
    return value;
  }

  async frequency(orgId: string): Promise<FrequencyRules> {
    return this.cached(`frequency:${orgId}`, () => this.loadFrequency(orgId));
  }

  private async loadFrequency(orgId: string): Promise<FrequencyRules> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.frequencyRules(orgId) }));
    return { ...defaultFrequencyRules, ...(Item ? frequencyRules.fromItem(Item).rules : {}) };
  }

  async saveFrequency(orgId: string, rules: FrequencyRules, by: string, at: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: frequencyRules.toItem({ rules, updatedBy: by, updatedAt: at }, orgId) }));
    this.cache.delete(`frequency:${orgId}`);
  }

  async overdue(orgId: string): Promise<OverdueRules> {
    return this.cached(`overdue:${orgId}`, () => this.loadOverdue(orgId));
  }

  private async loadOverdue(orgId: string): Promise<OverdueRules> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.visitRules(orgId) }));
    return { ...defaultOverdueRules, ...(Item ? visitRules.fromItem(Item).rules : {}) };
  }

  async points(orgId: string): Promise<PointsRules> {
    return this.cached(`points:${orgId}`, () => this.loadPoints(orgId));
  }

  private async loadPoints(orgId: string): Promise<PointsRules> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.pointsRules(orgId) }));
    return Item ? pointsRules.fromItem(Item).rules : defaultPointsRules;
  }

  async savePoints(orgId: string, rules: PointsRules, by: string, at: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: pointsRules.toItem({ rules, updatedBy: by, updatedAt: at }, orgId) }));
    this.cache.delete(`points:${orgId}`);
  }
}
