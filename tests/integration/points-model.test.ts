import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceAward, defaultPointsRules, liveEntries, tally } from '@ltx/shared/domain/points-rules';
import type { Actor } from '@ltx/shared/domain/roles';
import type { AttendanceStatus } from '@ltx/shared/schemas/session';
import { createDocumentClient } from '../../functions/src/db/client';
import { ownTextsOnly } from '../../functions/src/context';
import { AppError } from '../../functions/src/http/errors';
import { DynamoAuditRepository } from '../../functions/src/repositories/audit-repository';
import { DynamoMemberRepository } from '../../functions/src/repositories/member-repository';
import { DynamoOrgRepository } from '../../functions/src/repositories/org-repository';
import { DynamoPointsRepository } from '../../functions/src/repositories/points-repository';
import type { SessionRecord } from '../../functions/src/repositories/records';
import { DynamoRulesRepository } from '../../functions/src/repositories/rules-repository';
import { DynamoSignoffRepository } from '../../functions/src/repositories/signoff-repository';
import { PointsService } from '../../functions/src/services/points-service';
import { ensureTable, startEmbeddedDynamo, type EmbeddedDynamo } from '../../local/embedded-dynamodb';

/**
 * Model-based test of the ledger against the real repositories on dynalite: random sequences of
 * manual awards (some retried with the same key), reversals (some repeated) and attendance changes.
 * After every step, the tally equals the base plus the live entries, no source event has two live
 * entries, and the live sum is what a simple model of the same steps says.
 */
const table = 'points-model';
const year = 2026;
const dir = mkdtempSync(join(tmpdir(), 'ltx-model-'));
let dynamo: EmbeddedDynamo;
let service: PointsService;
let points: DynamoPointsRepository;
let members: DynamoMemberRepository;
const secretary: Actor = { userId: 'u-sec', role: 'secretary', orgId: 'o1', branchId: 'b1' };

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo(dir);
  await ensureTable(dynamo.endpoint, table);
  const db = createDocumentClient(dynamo.endpoint);
  points = new DynamoPointsRepository(db, table);
  members = new DynamoMemberRepository(db, table);
  service = new PointsService({
    points, members, orgs: new DynamoOrgRepository(db, table), rules: new DynamoRulesRepository(db, table),
    signoffs: new DynamoSignoffRepository(db, table), audit: new DynamoAuditRepository(db, table), screen: ownTextsOnly,
    clock: { now: () => new Date(`${year}-06-01T00:00:00.000Z`) },
  });
});
afterAll(async () => {
  await dynamo?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Model {
  attendance: (AttendanceStatus | null)[];
  manual: { key: string; points: number; id?: string; reversed: boolean }[];
}
interface Real {
  memberId: string;
  sessions: SessionRecord[];
  tick: number;
}

const sessionKinds = ['theme_day', 'party_lecture', 'committee_meeting'] as const;

function expectedLiveSum(model: Model, sessions: SessionRecord[]): number {
  const fromAttendance = model.attendance.reduce((sum, status, i) => sum + (attendanceAward(sessions[i]!.kind, status, defaultPointsRules)?.points ?? 0), 0);
  return fromAttendance + model.manual.filter((m) => !m.reversed).reduce((a, m) => a + m.points, 0);
}

async function check(model: Model, real: Real) {
  const entries = await points.memberYear(real.memberId, year);
  const live = liveEntries(entries);
  const liveSum = live.reduce((a, e) => a + e.points, 0);
  expect(tally(entries, defaultPointsRules).total).toBe(defaultPointsRules.basePerYear + liveSum);
  const perSource = new Map<string, number>();
  for (const e of live) perSource.set(e.sourceKey, (perSource.get(e.sourceKey) ?? 0) + 1);
  for (const [source, count] of perSource) expect(count, source).toBe(1);
  expect(liveSum).toBe(expectedLiveSum(model, real.sessions));
}

class AttendanceCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly session: number, readonly status: AttendanceStatus | null) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const session = real.sessions[this.session]!;
    const line = this.status ? { status: this.status, recordedBy: 'u-sec', recordedAt: `${year}-06-01T00:00:${String(real.tick++).padStart(2, '0')}.000Z` } : undefined;
    await service.syncAttendance(session, real.memberId, line);
    model.attendance[this.session] = this.status;
    await check(model, real);
  }
  toString = () => `attendance(${this.session}, ${this.status})`;
}

class AwardCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly points: number, readonly key: string) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const outcome = await service.award(secretary, real.memberId, { category: 'adjustment', points: this.points, reason: '模型测试记分', date: `${year}-05-01` }, this.key);
    const known = model.manual.find((m) => m.key === this.key);
    expect(outcome.created).toBe(!known);
    if (!known) model.manual.push({ key: this.key, points: this.points, id: outcome.entry.id, reversed: false });
    else expect(outcome.entry.id).toBe(known.id);
    await check(model, real);
  }
  toString = () => `award(${this.points}, ${this.key})`;
}

class ReverseCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) => model.manual.length > 0;
  async run(model: Model, real: Real) {
    const target = model.manual[this.pick % model.manual.length]!;
    try {
      await service.reverse(secretary, target.id!, { reason: '模型测试冲正' });
      expect(target.reversed).toBe(false);
      target.reversed = true;
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('ALREADY_REVERSED');
      expect(target.reversed).toBe(true);
    }
    await check(model, real);
  }
  toString = () => `reverse(${this.pick})`;
}

const commands = [
  fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom<AttendanceStatus | null>('present', 'excused', 'absent', 'home_delivered', 'online', null)).map(([s, st]) => new AttendanceCommand(s, st)),
  fc.tuple(fc.integer({ min: -5, max: 5 }).filter((p) => p !== 0), fc.constantFrom('key-a-000001', 'key-b-000002', 'key-c-000003', 'key-d-000004')).map(([p, k]) => new AwardCommand(p, k)),
  fc.nat(10).map((n) => new ReverseCommand(n)),
];

let runs = 0;

// A thousand sequences in the ordinary run; the fixed-instant reruns (scripts/at-instants.mjs) check time,
// not the model, so a hundred there keep `npm test` short.
const sequences = process.env.TEST_NOW ? 100 : 1000;

describe('points ledger model', () => {
  it('keeps tallies equal to the live entries through 1,000 random sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 8 }), async (cmds) => {
        const memberId = `m-model-${runs++}`;
        await members.create({
          id: memberId, orgId: 'o1', branchId: 'b1', name: '模型党员', gender: 'male', birthDate: '1940-01-01', joinedPartyOn: '1960-01-01',
          livingSituation: 'with_family', attendanceMode: 'in_person', bound: false, version: 1, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'u-sec', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'u-sec',
        });
        const sessions: SessionRecord[] = sessionKinds.map((kind, i) => ({
          id: `s-${memberId}-${i}`, orgId: 'o1', branchId: 'b1', kind, topic: '模型', startsAt: `${year}-0${i + 2}-10T01:00:00.000Z`, place: '活动室', hostName: '甲', recorderName: '乙',
          attachments: [], onlineOffered: true, expected: [{ memberId, name: '模型党员' }], attendance: {}, status: 'open', version: 1,
          createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'u-sec', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'u-sec',
        }));
        await fc.asyncModelRun(() => ({ model: { attendance: [null, null, null], manual: [] }, real: { memberId, sessions, tick: 0 } }), cmds);
      }),
      { numRuns: sequences },
    );
    expect(runs).toBeGreaterThanOrEqual(sequences);
  }, 240_000);
});
