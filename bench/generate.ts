/**
 * The synthetic organisation the bench measures, written through the product's own services
 * (as a secretary, a contact and an inspector would, each branch's year in order) into
 * bench/data/<size>/, the folder layout the local stack opens. Written by one process per core
 * into folders of their own, merged at the end; each calls dynalite in-process (direct-store.ts).
 *
 *   npx tsx bench/generate.ts small|large [--force]
 *
 * Deterministic: every choice comes from a random generator seeded by the size and the branch,
 * so the same month gives the same organisation (record ids are the services' own UUIDs).
 * A year of organisational life ends with the month after the one the data is made in: members
 * then have a next session to see, and the quarter before is complete for the inspector. The
 * folder is reused while its manifest says the same generator version and month.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { healthConsentTerms } from '@ltx/shared/domain/consent';
import { parsePeriod } from '@ltx/shared/domain/periods';
import { chinaDay, chinaDayStart, chinaInstant } from '@ltx/shared/time/china-day';
import type { Actor } from '@ltx/shared/domain/roles';
import { minutesRequiredKinds } from '@ltx/shared/domain/session-rules';
import { MemberCreateInput } from '@ltx/shared/schemas/member';
import { ManualAwardInput } from '@ltx/shared/schemas/points';
import { BulkAttendanceInput, SessionCreateInput, type AttendanceStatus, type SessionKind } from '@ltx/shared/schemas/session';
import { VisitDeliverInput, VisitScheduleInput } from '@ltx/shared/schemas/visit';
import { ReviewInput } from '@ltx/shared/schemas/inspection';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '@ltx/shared/time/clock';
import { idFrom } from '../functions/src/services/visit-service';
import { LocalUploadStore } from '../functions/src/uploads/local-upload-store';
import { buildServices } from '../functions/src/context';
import { localTableName } from '../local/stack';
import { ensureTable, startEmbeddedDynamo } from '../local/embedded-dynamodb';
import type { DynamoCount } from './dynamo-counter';
import { mergeStore, openDirectStore } from './direct-store';

/** Bump when the generated data changes shape: existing folders are then regenerated. */
export const generatorVersion = 1;

export const sizes = {
  small: { branches: 10, membersPerBranch: 30 },
  large: { branches: 100, membersPerBranch: 50 },
} as const;
export type Size = keyof typeof sizes;

/** Branches written at the same time; each branch's year is written in order. */
const branchPool = 12;

export const benchDataRoot = fileURLToPath(new URL('./data/', import.meta.url));

export interface BenchAccount {
  account: string;
  userId: string;
  role: 'member' | 'secretary' | 'inspector';
  branchId?: string;
  memberId?: string;
}

export interface Manifest {
  generatorVersion: number;
  size: Size;
  branches: number;
  membersPerBranch: number;
  /** The month the data was made in (China time): the year of sessions ends the month after. */
  anchorMonth: string;
  orgId: string;
  /** The last complete quarter (compliance, ledger export) and the year of points with most data. */
  quarter: string;
  pointsYear: number;
  accounts: BenchAccount[];
  /** Per branch: one past, closed session expecting the whole branch (the session page scenario). */
  closedSessions: { branchId: string; sessionId: string }[];
  counts: { members: number; users: number; sessions: number; attendanceLines: number; visits: number; visitsConfirmed: number; manualAwards: number; signoffs: number; reviews: number };
  dynamo: DynamoCount;
  seconds: number;
  generatedAt: string;
}

export function dataDirOf(size: Size): string {
  return join(benchDataRoot, size);
}

export function readManifest(size: Size): Manifest | undefined {
  const file = join(dataDirOf(size), 'manifest.json');
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** China's current month, YYYY-MM. */
export function currentMonth(now = new Date()): string {
  return chinaDay(now.toISOString()).slice(0, 7);
}

/** The generated folder for a size: reused when current, generated otherwise. */
export async function ensureData(size: Size, options: { force?: boolean; log?: (line: string) => void } = {}): Promise<{ manifest: Manifest; reused: boolean }> {
  const existing = readManifest(size);
  if (!options.force && existing && existing.generatorVersion === generatorVersion && existing.anchorMonth === currentMonth() && existsSync(join(dataDirOf(size), 'dynamodb'))) {
    return { manifest: existing, reused: true };
  }
  return { manifest: await generate(size, options.log ?? console.log), reused: false };
}

// ---------------------------------------------------------------------------------------------
// Deterministic choices

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

class Dice {
  private readonly next: () => number;
  constructor(seed: string) {
    this.next = mulberry32(seedOf(seed));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤';
const givenNames = ['建国', '秀英', '桂兰', '志刚', '淑珍', '国强', '玉梅', '保国', '秀兰', '振华', '美华', '永福', '红梅', '海涛', '德明', '卫东', '丽华', '文华', '凤英', '建华', '玉兰', '春生', '金凤', '宝山', '素芬', '福林', '爱民', '兰芳', '立新', '淑英', '国庆', '秀珍', '光明', '月娥', '树林', '桂芳', '德胜', '惠敏', '长江', '玉珍'];
const groups = ['第一党小组', '第二党小组', '第三党小组'];
const committeeRoles = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员'];
const cities = ['北京', '上海', '深圳', '成都', '杭州', '广州'];
const topics: Record<SessionKind, string[]> = {
  theme_day: ['学习党的二十届三中全会精神', '重温入党誓词', '参观红色教育基地', '学习身边的先进典型', '社区志愿服务', '读一本好书交流会'],
  committee_meeting: ['研究本月支部工作', '讨论慰问困难党员名单', '研究发展党员工作', '部署送学上门安排'],
  party_lecture: ['书记讲党课：永葆共产党人本色', '老干部讲党史', '学习新修订的党章', '传承红色家风'],
  branch_general_meeting: ['支部党员大会：通报支部工作', '支部党员大会：民主评议准备', '支部党员大会：收缴党费情况通报'],
  group_meeting: ['党小组学习'],
  collective_study: ['集体学习'],
  organisational_life_meeting: ['组织生活会'],
  democratic_appraisal: ['民主评议党员'],
};
const material = '请提前阅读学习材料：坚持以人民为中心的发展思想，发挥离退休干部党员的政治优势、经验优势和威望优势，为社区建设贡献力量。行动不便的同志，支部安排送学上门。';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** YYYY-MM plus some months. */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

/** An instant on a China calendar day at a China clock time. */
function chinaTime(day: string, hhmm: string): Date {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  return new Date(chinaInstant(y, mo, d, h, mi));
}

const hour = 3_600_000;
const day = 24 * hour;

// ---------------------------------------------------------------------------------------------
// The product's services, from the one builder (functions/src/context.ts), with a clock of our own

type Db = DynamoDBDocumentClient;

function wire(db: Db, table: string, clock: Clock, uploadsDir: string) {
  const services = buildServices({ db, tableName: table, clock, uploadStore: new LocalUploadStore(uploadsDir, 'http://127.0.0.1', async () => 'unused') });
  const { orgs, users, members } = services.repositories;
  return { orgs, users, members, memberService: services.members, consents: services.consents, sessions: services.sessions, visits: services.visits, points: services.points, inspection: services.inspection };
}

/** A clock the generator moves: each action is stamped with the moment it would have happened. */
class SimClock implements Clock {
  private t: Date;
  constructor(start: Date) {
    this.t = start;
  }
  now(): Date {
    return this.t;
  }
  at(t: Date): this {
    this.t = t;
    return this;
  }
}

// ---------------------------------------------------------------------------------------------

interface Plan {
  kind: SessionKind;
  startsAt: Date;
}

/** A year of organisational life per branch: monthly 主题党日 and 支委会, quarterly 党课 and 党员大会. */
function yearPlan(firstMonth: string, dice: Dice): Plan[] {
  const plans: Plan[] = [];
  for (let i = 0; i < 12; i++) {
    const month = addMonths(firstMonth, i);
    const inQuarter = (Number(month.slice(5)) - 1) % 3; // 0, 1, 2
    plans.push({ kind: 'committee_meeting', startsAt: chinaTime(`${month}-${pad(dice.int(2, 5))}`, '09:30') });
    plans.push({ kind: 'theme_day', startsAt: chinaTime(`${month}-${pad(dice.int(8, 12))}`, '09:00') });
    if (inQuarter === 1) plans.push({ kind: 'party_lecture', startsAt: chinaTime(`${month}-${pad(dice.int(15, 19))}`, '14:30') });
    if (inQuarter === 2) plans.push({ kind: 'branch_general_meeting', startsAt: chinaTime(`${month}-${pad(dice.int(22, 26))}`, '09:00') });
  }
  return plans.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

function lastCompleteQuarter(anchorMonth: string): string {
  const [y, m] = anchorMonth.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3); // quarter of the anchor month, 0-based; the one before is complete
  return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
}

interface Tally {
  members: number;
  users: number;
  sessions: number;
  attendanceLines: number;
  visits: number;
  visitsConfirmed: number;
  manualAwards: number;
  signoffs: number;
  reviews: number;
}

/** What the data is anchored on, the same in every shard. */
function timeline(anchorMonth: string) {
  const now = chinaTime(`${anchorMonth}-01`, '00:00'); // "today" for the data: the first of the month
  return {
    now,
    firstMonth: addMonths(anchorMonth, -10),
    quarter: lastCompleteQuarter(anchorMonth),
    pointsYear: Number(chinaDay(new Date(now.getTime() - day).toISOString()).slice(0, 4)),
  };
}

const orgId = 'org-bench';
const inspector: Actor = { userId: 'u-bench-inspector', role: 'inspector', orgId };

/** A dynalite folder with the product's table, made the product's way (over HTTP, as `npm start` does). */
async function createStore(storeDir: string): Promise<void> {
  const embedded = await startEmbeddedDynamo(storeDir);
  await ensureTable(embedded.endpoint, localTableName);
  await embedded.close();
}

interface ShardResult {
  tally: Tally;
  accounts: BenchAccount[];
  closedSessions: Manifest['closedSessions'];
  dynamo: DynamoCount;
}

/**
 * The organisation is written by one process per core, each with its own store folder and its own
 * share of the branches (branch i goes to shard i mod n); the folders are merged afterwards.
 */
async function generate(size: Size, log: (line: string) => void): Promise<Manifest> {
  const started = performance.now();
  const dir = dataDirOf(size);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const anchorMonth = currentMonth();
  const shards = Math.max(1, Math.min(availableParallelism(), 4, sizes[size].branches));

  const results = await Promise.all(
    Array.from({ length: shards }, (_, k) =>
      new Promise<ShardResult>((ok, fail) => {
        // A bounded heap, as a guard: V8 would otherwise let dynalite's garbage grow to gigabytes first.
        const child = spawn(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', fileURLToPath(import.meta.url), '--shard', size, String(k), String(shards), anchorMonth], {
          stdio: ['ignore', 'inherit', 'inherit'],
          env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        });
        child.once('error', fail);
        child.once('exit', (code) => (code === 0 ? ok(JSON.parse(readFileSync(join(dir, `shard-${k}`, 'result.json'), 'utf8')) as ShardResult) : fail(new Error(`generator shard ${k} exited with ${code}`))));
      }),
    ),
  );

  const storeDir = join(dir, 'dynamodb');
  for (let k = 1; k < shards; k++) await mergeStore(join(dir, `shard-${k}`, 'dynamodb'), join(dir, 'shard-0', 'dynamodb'));
  await rename(join(dir, 'shard-0', 'dynamodb'), storeDir);
  for (let k = 0; k < shards; k++) await rm(join(dir, `shard-${k}`), { recursive: true, force: true });

  // What belongs to the organisation: the inspector, the demo accounts (dev login), then the org itself.
  const { now, quarter, pointsYear } = timeline(anchorMonth);
  const store = openDirectStore(storeDir);
  const base = wire(store.client, localTableName, new SimClock(now), join(dir, 'uploads'));
  await base.users.putUser({ id: inspector.userId, role: 'inspector', displayName: '督导组 周明', orgId, createdAt: new Date(now.getTime() - 400 * day).toISOString() });
  const accounts = [{ account: 'bench-inspector', userId: inspector.userId, role: 'inspector' as const }, ...results.flatMap((r) => r.accounts)].sort((a, b) => a.account.localeCompare(b.account));
  for (const [order, a] of accounts.entries()) {
    await base.users.putDemoAccount({ order, account: a.account, label: a.account, role: a.role, userId: a.userId });
  }
  // Written last: its presence means the whole organisation is there.
  await base.orgs.putOrg({ id: orgId, name: '滨江街道离退休干部党工委' });
  await store.close();

  const tally = results.reduce<Tally>((sum, r) => Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, v + r.tally[k as keyof Tally]])) as unknown as Tally, emptyTally());
  tally.users += 1;
  const dynamo = [...results.map((r) => r.dynamo), store.count].reduce((sum, c) => ({
    requests: sum.requests + c.requests, readRequests: sum.readRequests + c.readRequests, writeRequests: sum.writeRequests + c.writeRequests,
    readUnits: Math.round(sum.readUnits + c.readUnits), writeUnits: Math.round(sum.writeUnits + c.writeUnits),
    byOperation: Object.fromEntries([...new Set([...Object.keys(sum.byOperation), ...Object.keys(c.byOperation)])].map((op) => [op, (sum.byOperation[op] ?? 0) + (c.byOperation[op] ?? 0)])),
  }));
  const manifest: Manifest = {
    generatorVersion, size, branches: sizes[size].branches, membersPerBranch: sizes[size].membersPerBranch, anchorMonth, orgId, quarter, pointsYear, accounts,
    closedSessions: results.flatMap((r) => r.closedSessions).sort((a, b) => a.branchId.localeCompare(b.branchId)),
    counts: tally, dynamo, seconds: Math.round((performance.now() - started) / 100) / 10, generatedAt: new Date().toISOString(),
  };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`  ${size}: generated in ${manifest.seconds} s by ${shards} processes (${dynamo.requests} DynamoDB requests, ${Math.round(dynamo.requests / manifest.seconds)}/s)`);
  return manifest;
}

function emptyTally(): Tally {
  return { members: 0, users: 0, sessions: 0, attendanceLines: 0, visits: 0, visitsConfirmed: 0, manualAwards: 0, signoffs: 0, reviews: 0 };
}

/** One shard: its share of the branches, into its own folder. */
async function writeShard(size: Size, shard: number, shards: number, anchorMonth: string): Promise<void> {
  const started = performance.now();
  const { branches: branchCount, membersPerBranch } = sizes[size];
  const dir = join(dataDirOf(size), `shard-${shard}`);
  await createStore(join(dir, 'dynamodb'));
  const store = openDirectStore(join(dir, 'dynamodb'));
  const db = store.client;
  const table = localTableName;
  const { now, firstMonth, quarter } = timeline(anchorMonth);
  const tally = emptyTally();
  const accounts: BenchAccount[] = [];
  const closedSessions: Manifest['closedSessions'] = [];
  const log = (line: string) => console.log(line);

  const branchIds = Array.from({ length: branchCount }, (_, i) => `b${pad(i + 1, 3)}`);
  let done = 0;
  const writeBranch = async (branchId: string, index: number) => {
    const dice = new Dice(`${size}:${branchId}`);
    const clock = new SimClock(new Date(now.getTime() - 380 * day));
    const s = wire(db, table, clock, join(dir, 'uploads'));
    const secretary: Actor = { userId: `u-${branchId}-sec`, role: 'secretary', orgId, branchId };
    const contacts = [1, 2].map((n) => ({ userId: `u-${branchId}-c${n}`, role: 'contact' as const, orgId, branchId }));
    const secretaryName = `${dice.pick([...surnames])}${dice.pick(givenNames)}`;

    await s.orgs.putBranch({ id: branchId, orgId, name: `第${index + 1}离退休干部党支部`, secretaryName });
    await s.users.putUser({ id: secretary.userId, role: 'secretary', displayName: secretaryName, orgId, branchId, createdAt: clock.now().toISOString() });
    for (const [n, c] of contacts.entries()) {
      await s.users.putUser({ id: c.userId, role: 'contact', displayName: `${dice.pick([...surnames])}${dice.pick(givenNames)}（联系人${n + 1}）`, orgId, branchId, createdAt: clock.now().toISOString() });
    }
    tally.users += 3;

    // The roll: the committee first, a few who cannot leave home (送学上门), a few living elsewhere.
    const homeBound = Math.max(2, Math.round(membersPerBranch * 0.06));
    const roll: { id: string; name: string; mode: 'in_person' | 'home_delivered' | 'online'; contact?: string }[] = [];
    for (let i = 0; i < membersPerBranch; i++) {
      const homeDelivered = i >= membersPerBranch - homeBound;
      const elsewhere = !homeDelivered && i >= membersPerBranch - homeBound - Math.round(membersPerBranch * 0.1);
      const birthYear = dice.int(1932, 1962);
      const consent = homeDelivered || dice.chance(0.85);
      const contact = homeDelivered ? contacts[i % 2]!.userId : undefined;
      const input = MemberCreateInput.parse({
        name: `${dice.pick([...surnames])}${dice.pick(givenNames)}`,
        gender: dice.chance(0.5) ? 'male' : 'female',
        birthDate: `${birthYear}-${pad(dice.int(1, 12))}-${pad(dice.int(1, 28))}`,
        joinedPartyOn: `${birthYear + dice.int(18, 32)}-${pad(dice.int(1, 12))}-${pad(dice.int(1, 28))}`,
        partyGroup: groups[i % groups.length],
        ...(i < committeeRoles.length ? { committeeRole: committeeRoles[i] } : {}),
        phone: `13${dice.int(0, 9)}${pad(dice.int(0, 99999999), 8)}`,
        livingSituation: elsewhere ? 'elsewhere' : dice.pick(['with_family', 'with_family', 'with_family', 'alone', 'widowed'] as const),
        ...(elsewhere ? { livingCity: dice.pick(cities) } : {}),
        ...(contact ? { contactUserId: contact } : {}),
      });
      clock.at(new Date(now.getTime() - (370 - i) * day));
      const created = await s.memberService.create(secretary, branchId, input);
      if (consent) {
        // The member agrees (as themselves), then the secretary fills in the health profile: the app's order.
        await s.consents.give({ userId: `u-${branchId}-c${i}`, role: 'member', orgId, branchId, memberId: created.id }, created.id, { termsVersion: healthConsentTerms.version });
        await s.memberService.update(secretary, created.id, {
          expectedVersion: created.version + 1,
          sensitive: {
            healthClass: homeDelivered ? 'not_self_reliant' : dice.pick(['healthy', 'minor_illness', 'chronic_self_reliant'] as const),
            careNotes: homeDelivered ? { bestVisitTime: '上午九点以后', hearing: '需要大声说话' } : {},
            emergencyContacts: homeDelivered ? [{ name: '家属', relation: '子女', phone: `139${pad(dice.int(0, 99999999), 8)}` }] : [],
          },
        });
      }
      roll.push({ id: created.id, name: created.name, mode: created.attendanceMode ?? 'in_person', ...(contact ? { contact } : {}) });
    }
    tally.members += roll.length;
    const byId = new Map(roll.map((m) => [m.id, m]));

    // One member of the branch signs in to the mini-program (the member home scenario).
    const self = roll.find((m) => m.mode === 'in_person')!;
    const memberUser = `u-${branchId}-m1`;
    await s.users.putUser({ id: memberUser, role: 'member', displayName: self.name, orgId, branchId, memberId: self.id, createdAt: clock.now().toISOString() });
    await s.members.markBound(self.id);
    tally.users += 1;
    const branchAccounts: BenchAccount[] = [
      { account: `bench-sec-${branchId}`, userId: secretary.userId, role: 'secretary', branchId },
      { account: `bench-member-${branchId}`, userId: memberUser, role: 'member', branchId, memberId: self.id },
    ];

    // A year of sessions, each planned ten days ahead, marked the same day, closed three days later.
    let firstClosedFull: string | undefined;
    for (const plan of yearPlan(firstMonth, dice)) {
      const t = plan.startsAt.getTime();
      const past = t + 3 * day < now.getTime();
      clock.at(new Date(Math.min(t - 10 * day, now.getTime() - 2 * day)));
      const session = await s.sessions.create(
        secretary,
        branchId,
        SessionCreateInput.parse({
          kind: plan.kind, topic: dice.pick(topics[plan.kind]), startsAt: plan.startsAt.toISOString(), place: '社区党群服务中心二楼会议室',
          hostName: secretaryName, recorderName: '组织委员', ...(plan.kind === 'theme_day' ? { materialText: material, onlineOffered: true } : {}),
        }),
      );
      tally.sessions += 1;
      const expected = session.attendance.map((a) => byId.get(a.memberId)!);
      // The 送学上门 work proposed a draft for each expected member who studies at home (ids derive from both).
      const drafts = expected.filter((m) => m.mode === 'home_delivered').map((m) => ({ id: idFrom('draft', session.id, m.id), member: m }));
      tally.visits += drafts.length;

      if (!past) {
        // The next sessions: the secretary has confirmed some of the proposed visits, and scheduled a few.
        for (const v of drafts) {
          const roll = dice.int(0, 9);
          if (roll < 3) continue;
          clock.at(new Date(Math.min(t - 8 * day, now.getTime() - day)));
          if (roll < 7) await s.visits.accept(secretary, v.id);
          else await schedule(s, secretary, v.id, v.member.contact ?? contacts[0]!.userId, t);
        }
        continue;
      }

      // 送学上门 for those at home: most scheduled and delivered, a few cancelled, a few left waiting.
      const delivering: { id: string; contact: Actor }[] = [];
      for (const v of drafts) {
        const roll = dice.int(0, 19);
        clock.at(new Date(t - 6 * day));
        if (roll < 14) {
          const contact = contacts.find((c) => c.userId === v.member.contact) ?? contacts[0]!;
          await schedule(s, secretary, v.id, contact.userId, t);
          delivering.push({ id: v.id, contact });
        } else if (roll < 17) {
          await s.visits.cancel(secretary, v.id, { reason: '本人住院，改为下次学习' });
        } else {
          await s.visits.accept(secretary, v.id);
        }
      }

      // Attendance in one tap for those who came, with leave and absence, online for those away.
      clock.at(new Date(t + 3 * hour));
      const entries = expected
        .filter((m) => m.mode !== 'home_delivered')
        .map((m): { memberId: string; status: AttendanceStatus; reason?: string } => {
          const r = dice.int(0, 99);
          if (m.mode === 'online') return r < 75 ? { memberId: m.id, status: 'online' } : r < 85 ? { memberId: m.id, status: 'excused', reason: '在外地，身体不适' } : { memberId: m.id, status: 'absent' };
          return r < 85 ? { memberId: m.id, status: 'present' } : r < 94 ? { memberId: m.id, status: 'excused', reason: dice.pick(['住院治疗', '外出就医', '家中有事']) } : { memberId: m.id, status: 'absent' };
        });
      if (entries.length) await s.sessions.markMany(secretary, session.id, BulkAttendanceInput.parse({ entries }));
      tally.attendanceLines += entries.length;

      for (const { id, contact } of delivering) {
        clock.at(new Date(t + day));
        await s.visits.deliver(contact, id, VisitDeliverInput.parse({ deliveredAt: new Date(t + day).toISOString(), studied: '一起学习了本次的学习材料', remarks: '身体还行，盼着支部的同志常来' }));
        clock.at(new Date(t + 2 * day));
        await s.visits.confirm(secretary, id, { byPhone: true });
        tally.visitsConfirmed += 1;
        tally.attendanceLines += 1;
      }

      clock.at(new Date(t + 3 * day));
      // Meetings whose record needs minutes are archived with the reason there are none here (paper minutes).
      await s.sessions.close(secretary, session.id, minutesRequiredKinds.includes(plan.kind) ? { noMinutesReason: '会议记录为纸质，存于支部档案' } : {});
      if (!firstClosedFull && expected.length === roll.length && plan.kind === 'theme_day' && t > now.getTime() - 120 * day) firstClosedFull = session.id;
    }
    if (firstClosedFull) closedSessions.push({ branchId, sessionId: firstClosedFull });

    // A few points by hand: volunteering and good deeds, one corrected by a reversal.
    const awards = Math.max(2, Math.round(roll.length / 10));
    for (let k = 0; k < awards; k++) {
      const m = dice.pick(roll);
      const when = new Date(now.getTime() - dice.int(15, 300) * day);
      clock.at(when);
      const { entry } = await s.points.award(
        secretary,
        m.id,
        ManualAwardInput.parse({ category: dice.chance(0.6) ? 'volunteer' : 'positive_energy', points: 3, reason: dice.pick(['社区志愿服务', '关心下一代工作', '捐款捐物', '调解邻里纠纷']), date: chinaDay(when.toISOString()) }),
        `bench-${branchId}-${k}`,
      );
      tally.manualAwards += 1;
      if (k === 0) await s.points.reverse(secretary, entry.id, { reason: '记错了人，冲正后重记' });
    }

    // The inspector: some branches signed off for the quarters before, some given rectification items.
    const reviewed = dice.chance(0.3);
    if (reviewed) {
      clock.at(new Date(now.getTime() - 20 * day));
      await s.inspection.review(
        { ...inspector },
        branchId,
        ReviewInput.parse({ period: quarter, opinion: '支部组织生活基本规范，送学上门记录需补充照片。', items: [{ what: '补齐送学上门照片', deadline: chinaDay(new Date(now.getTime() + 10 * day).toISOString()) }, { what: '完善会议记录', deadline: chinaDay(new Date(now.getTime() - 5 * day).toISOString()) }] }),
      );
      tally.reviews += 1;
    }
    if (dice.chance(0.7)) {
      // Signed once the quarter is over (a period can be signed only after its end), acknowledging what its check lists.
      clock.at(new Date(Math.max(now.getTime() - 15 * day, Date.parse(chinaDayStart(parsePeriod(quarter)!.end)))));
      const check = await s.inspection.signoffCheck(inspector, branchId, quarter);
      await s.inspection.signoff(inspector, branchId, { period: quarter, acknowledged: check.items.map((i) => i.key) });
      tally.signoffs += 1;
    }

    accounts.push(...branchAccounts);
    done += 1;
    if (done % Math.max(1, Math.round(mine.length / 5)) === 0) log(`  ${size} [${shard + 1}/${shards}]: ${done}/${mine.length} branches, ${store.count.requests} DynamoDB requests, ${((performance.now() - started) / 1000).toFixed(0)} s, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
  };

  const mine = Array.from({ length: branchCount }, (_, i) => i).filter((i) => i % shards === shard);
  let nextIndex = 0;
  await Promise.all(
    Array.from({ length: Math.min(branchPool, mine.length) }, async () => {
      while (nextIndex < mine.length) {
        const i = mine[nextIndex++]!;
        await writeBranch(branchIds[i]!, i);
      }
    }),
  );
  await store.close();
  const result: ShardResult = { tally, accounts, closedSessions, dynamo: store.count };
  await writeFile(join(dir, 'result.json'), JSON.stringify(result));
}

async function schedule(s: ReturnType<typeof wire>, secretary: Actor, visitId: string, contactUserId: string, sessionTime: number) {
  const start = new Date(sessionTime + day);
  await s.visits.schedule(secretary, visitId, VisitScheduleInput.parse({ contactUserId, windowStart: start.toISOString(), windowEnd: new Date(start.getTime() + 3 * hour).toISOString() }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [flag, ...rest] = process.argv.slice(2);
  if (flag === '--shard') {
    const [size, shard, shards, anchorMonth] = rest as [Size, string, string, string];
    await writeShard(size, Number(shard), Number(shards), anchorMonth);
  } else {
    const size = flag as Size;
    if (!(size in sizes)) {
      console.error('usage: npx tsx bench/generate.ts small|large [--force]');
      process.exit(2);
    }
    const { manifest, reused } = await ensureData(size, { force: rest.includes('--force') });
    if (reused) console.log(`  ${size}: reusing bench/data/${size} (generator v${manifest.generatorVersion}, ${manifest.anchorMonth})`);
  }
}
