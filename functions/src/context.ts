import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import { env } from './config/env';
import { createDocumentClient } from './db/client';
import { DynamoAuditRepository } from './repositories/audit-repository';
import { DynamoIdempotencyRepository, type IdempotencyRepository } from './repositories/idempotency-repository';
import { NamingAuditTrail } from './services/audit-trail';
import { DynamoMemberRepository } from './repositories/member-repository';
import { DynamoOrgRepository } from './repositories/org-repository';
import { DynamoUserRepository } from './repositories/user-repository';
import { DynamoInviteAttemptRepository } from './repositories/invite-attempt-repository';
import { StaffService } from './services/staff-service';
import { DynamoTransferRepository } from './repositories/transfer-repository';
import { TransferService } from './services/transfer-service';
import { FileSecretSource, SecretsManagerSource, type SecretSource } from './secrets/secret-source';
import { AuthService } from './services/auth-service';
import { MemberService } from './services/member-service';
import { OrgService } from './services/org-service';
import { TokenService } from './services/tokens';
import { HttpWechatClient } from './wechat/wechat-client';
import { HttpWechatMessenger } from './wechat/wechat-messenger';
import { ReminderSender } from './services/reminder-sender';
import { DynamoOutboxRepository } from './repositories/outbox-repository';
import { DynamoRulesRepository } from './repositories/rules-repository';
import { RulesService } from './services/rules-service';
import { DynamoSessionRepository } from './repositories/session-repository';
import { DynamoUploadRepository } from './repositories/upload-repository';
import { BranchOverviewService } from './services/branch-overview-service';
import { ParticipationTracker } from './services/participation-tracker';
import { SessionService, type SessionCreatedListener } from './services/session-service';
import { UploadService } from './services/upload-service';
import { DynamoVisitRepository } from './repositories/visit-repository';
import { VisitService } from './services/visit-service';
import { DynamoPointsRepository } from './repositories/points-repository';
import { DynamoSignoffRepository } from './repositories/signoff-repository';
import { PointsService } from './services/points-service';
import { DynamoReviewRepository } from './repositories/review-repository';
import { InspectionService } from './services/inspection-service';
import { LocalUploadStore } from './uploads/local-upload-store';
import { S3UploadStore } from './uploads/s3-upload-store';
import type { UploadStore } from './uploads/upload-store';

type ReminderSenderDeps = ConstructorParameters<typeof ReminderSender>[0];

/** What the services are built from: the one list of outside things the app talks to. */
export interface ServiceDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
  /** The one clock every service reads "now" from (tests move it with libfaketime, the bench with its own clock). */
  clock: Clock;
  /** Attachments; left out by the seed, which writes none. */
  uploadStore?: UploadStore;
  /** The session signing key and the WeChat AppSecret, read at first use; left out by the seed and the bench, which sign nobody in. */
  secrets?: SecretSource;
  signingKeySecretId?: string;
  wechat?: { apiBase: string; appId: string; secretId: string };
}

/** Stands in for what a builder left out: using it is a programming error, said plainly. */
const missing = (what: string) => () => {
  throw new Error(`buildServices: no ${what} was given`);
};
const noUploads: UploadStore = { presign: missing('upload store'), head: missing('upload store'), downloadUrl: missing('upload store'), read: missing('upload store') };
const noSecrets: SecretSource = { get: missing('secret source') };

/** Every repository the services share, by name (the seed and the bench write some records directly). */
export type Repositories = ReturnType<typeof buildRepositories>;

function buildRepositories(db: DynamoDBDocumentClient, table: string) {
  const users = new DynamoUserRepository(db, table);
  return {
    members: new DynamoMemberRepository(db, table),
    orgs: new DynamoOrgRepository(db, table),
    users,
    // Names the actor in each entry as it is written: the trail then reads as sentences without lookups.
    audit: new NamingAuditTrail(new DynamoAuditRepository(db, table), users),
    sessions: new DynamoSessionRepository(db, table),
    outbox: new DynamoOutboxRepository(db, table),
    rules: new DynamoRulesRepository(db, table),
    signoffs: new DynamoSignoffRepository(db, table),
    points: new DynamoPointsRepository(db, table),
    visits: new DynamoVisitRepository(db, table),
    reviews: new DynamoReviewRepository(db, table),
    uploads: new DynamoUploadRepository(db, table),
    idempotency: new DynamoIdempotencyRepository(db, table),
    inviteAttempts: new DynamoInviteAttemptRepository(db, table),
    transfers: new DynamoTransferRepository(db, table),
  };
}

/** Everything a route needs. */
export interface Services {
  repositories: Repositories;
  /**
   * The table, for repositories that one function alone builds from it (roster imports: only the exports
   * function, which carries exceljs, so the other bundles stay small). Every other access goes through `repositories`.
   */
  table: { db: DynamoDBDocumentClient; name: string };
  clock: Clock;
  /** What each Idempotency-Key was used for and answered (see http/idempotency.ts). */
  idempotency: IdempotencyRepository;
  tokens: TokenService;
  members: MemberService;
  orgs: OrgService;
  auth: AuthService;
  staff: StaffService;
  transfers: TransferService;
  sessions: SessionService;
  uploads: UploadService;
  overview: BranchOverviewService;
  visits: VisitService;
  points: PointsService;
  inspection: InspectionService;
  /** Organisations' rules, inherited down the hierarchy (the repository's are `repositories.rules`). */
  ruleSets: RulesService;
}

/**
 * The one wiring of services from their dependencies: the functions (appContext below), the local
 * stack, the seed and the bench all build their services here.
 */
export function buildServices(deps: ServiceDeps): Services {
  const { clock } = deps;
  const repos = buildRepositories(deps.db, deps.tableName);
  const { members, orgs, users, audit, sessions, outbox, rules, signoffs } = repos;
  const secrets = deps.secrets ?? noSecrets;
  const wechatConfig = deps.wechat ?? { apiBase: 'https://api.weixin.qq.com', appId: '', secretId: '' };
  const tokens = new TokenService(() => secrets.get(deps.signingKeySecretId ?? ''), clock);
  const wechat = new HttpWechatClient({ baseUrl: wechatConfig.apiBase, appId: wechatConfig.appId, appSecret: () => secrets.get(wechatConfig.secretId) });
  const uploads = new UploadService(repos.uploads, deps.uploadStore ?? noUploads, orgs, clock);
  const memberService = new MemberService(members, orgs, users, audit, signoffs, clock);
  // The 送学上门 work listens for new sessions; it needs the session service itself, so it joins after.
  const onCreated: SessionCreatedListener[] = [];
  const points = new PointsService({ points: repos.points, members, orgs, rules, signoffs, audit, clock });
  // Closing a record reconciles what attendance derives (participation dates and points) through these listeners.
  const sessionService = new SessionService({
    sessions, members, orgs, outbox, audit, uploads, users, signoffs, listeners: [new ParticipationTracker(members, sessions, clock), points], visits: repos.visits, onCreated, clock,
  });
  const visits = new VisitService({
    visits: repos.visits, members, sessions, users, orgs, rules, signoffs, audit, uploads, memberService, sessionService, clock,
  });
  onCreated.push(visits);
  return {
    repositories: repos,
    table: { db: deps.db, name: deps.tableName },
    clock,
    idempotency: repos.idempotency,
    uploads,
    sessions: sessionService,
    visits,
    points,
    inspection: new InspectionService({
      orgs, members, sessions, visits: repos.visits, points: repos.points, reviews: repos.reviews, signoffs, rules, users, audit, uploads, clock,
    }),
    overview: new BranchOverviewService({ orgs, members, sessions, outbox, visitSummary: (b) => visits.overdueSummary(b), clock }),
    tokens,
    members: memberService,
    orgs: new OrgService({ orgs, audit, clock }),
    ruleSets: new RulesService({ rules, orgs, audit, clock }),
    auth: new AuthService({ users, orgs, members, audit, attempts: repos.inviteAttempts, tokens, wechat, wechatAppId: wechatConfig.appId, clock }),
    staff: new StaffService({ users, orgs, audit, clock }),
    transfers: new TransferService({ transfers: repos.transfers, members, orgs, users, audit, signoffs }, clock),
  };
}

/** Everything a route needs, built once per cold start from the environment. */
export interface AppContext extends Services {
  stage: ReturnType<typeof env>['stage'];
}

let current: AppContext | undefined;
/** The deployed functions run on the system clock; the local stack may hand in another (tests). */
let contextClock: Clock = systemClock;

export function appContext(): AppContext {
  if (current) return current;
  const e = env();
  const secrets: SecretSource = e.secretsFile ? new FileSecretSource(e.secretsFile) : new SecretsManagerSource();
  const uploadStore =
    e.uploads.kind === 's3' ? new S3UploadStore(e.uploads.bucket) : new LocalUploadStore(e.uploads.dir, e.uploads.baseUrl, () => secrets.get(e.signingKeySecretId), contextClock);
  current = {
    stage: e.stage,
    ...buildServices({
      db: createDocumentClient(e.dynamoEndpoint),
      tableName: e.tableName,
      clock: contextClock,
      uploadStore,
      secrets,
      signingKeySecretId: e.signingKeySecretId,
      wechat: { apiBase: e.wechatApiBase, appId: e.wechatAppId, secretId: e.wechatSecretId },
    }),
  };
  return current;
}

let sender: ReminderSender | undefined;

/** The scheduled reminder job's wiring (a separate Lambda: no HTTP routes). */
export function reminderContext(): ReminderSender {
  if (sender) return sender;
  const e = env();
  const secrets: SecretSource = e.secretsFile ? new FileSecretSource(e.secretsFile) : new SecretsManagerSource();
  sender = buildReminderSender({
    db: createDocumentClient(e.dynamoEndpoint),
    tableName: e.tableName,
    clock: contextClock,
    wechat: { apiBase: e.wechatApiBase, appId: e.wechatAppId, appSecret: () => secrets.get(e.wechatSecretId) },
    templates: e.reminderTemplates,
  });
  return sender;
}

/** The reminder job from its dependencies: the scheduled Lambda above, and the tests, on their own stack and clock. */
export function buildReminderSender(deps: {
  db: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
  wechat: { apiBase: string; appId: string; appSecret: () => Promise<string> };
  templates: ReminderSenderDeps['templates'];
}): ReminderSender {
  const { db, tableName } = deps;
  return new ReminderSender({
    outbox: new DynamoOutboxRepository(db, tableName),
    sessions: new DynamoSessionRepository(db, tableName),
    members: new DynamoMemberRepository(db, tableName),
    users: new DynamoUserRepository(db, tableName),
    messenger: new HttpWechatMessenger({ baseUrl: deps.wechat.apiBase, appId: deps.wechat.appId, appSecret: deps.wechat.appSecret }),
    templates: deps.templates,
    clock: deps.clock,
  });
}

/** Tests that start a fresh stack in the same process drop the cached context. */
export function resetAppContext(options: { clock?: Clock } = {}): void {
  contextClock = options.clock ?? systemClock;
  current = undefined;
  sender = undefined;
}
