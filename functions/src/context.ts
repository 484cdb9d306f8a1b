import { DynamoCallRepository } from './repositories/call-repository';
import { DynamoNoticeRepository } from './repositories/notice-repository';
import { ChangeNotices } from './services/change-notices';
import { CallService } from './services/call-service';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import { env, secretIdOf } from './config/env';
import { createDocumentClient } from './db/client';
import { DynamoAuditRepository } from './repositories/audit-repository';
import { DynamoIdempotencyRepository, type IdempotencyRepository } from './repositories/idempotency-repository';
import { NamingAuditTrail } from './services/audit-trail';
import { DynamoMemberRepository } from './repositories/member-repository';
import { DynamoOrgRepository } from './repositories/org-repository';
import { DynamoUserRepository } from './repositories/user-repository';
import { DynamoInviteAttemptRepository } from './repositories/invite-attempt-repository';
import { StaffService } from './services/staff-service';
import { DynamoConsentRepository } from './repositories/consent-repository';
import { DynamoHealthReadRepository } from './repositories/health-read-repository';
import { DynamoReminderCreditRepository } from './repositories/reminder-credit-repository';
import { DynamoTransferRepository } from './repositories/transfer-repository';
import { DynamoFeedbackRepository } from './repositories/feedback-repository';
import { FeedbackService } from './services/feedback-service';
import { MemberErasureService } from './services/member-erasure-service';
import { MemberErasureRepository } from './repositories/member-erasure-repository';
import { ConsentService } from './services/consent-service';
import { CareCardService } from './services/care-card-service';
import { TransferService } from './services/transfer-service';
import { FileSecretSource, SecretsManagerSource, SecretsManagerValue, type ChangingSecret, type SecretSource } from './secrets/secret-source';
import { AuthService } from './services/auth-service';
import { ConsoleLoginService } from './services/console-login-service';
import { DynamoConsoleLoginRepository } from './repositories/console-login-repository';
import { HttpWxaCodeMaker, type WxaCodeMaker, type WxaEnvVersion } from './wechat/wxa-code';
import type { WechatApi } from './wechat/wechat-api';
import { MemberService } from './services/member-service';
import { OrgService } from './services/org-service';
import { TokenService } from './services/tokens';
import { HttpWechatClient } from './wechat/wechat-client';
import { HttpWechatMessenger } from './wechat/wechat-messenger';
import { StableTokenSource, type AccessTokenSource } from './wechat/access-token';
import { PublishedTokenSource } from './wechat/published-token';
import { HttpContentCheck, type ContentCheck } from './wechat/content-check';
import { ContentScreen, type Screen } from './services/content-screen';
import { WechatPushService } from './services/wechat-push-service';
import { DynamoCheckOpenIdRepository } from './repositories/check-openid-repository';
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
  /** `secretId`: only in functions that may read the AppSecret (login); see config/env.ts `secretVariables`. */
  wechat?: { apiBase: string; appId: string; secretId?: string };
  /**
   * WeChat's content checks (texts before they are stored, images before others see them). Left out by
   * the seed, the bench and the admin command, which write only texts of their own, never a user's.
   */
  contentChecks?: { check: ContentCheck; serviceOpenId?: string; skipWithoutOpenId: boolean };
  /**
   * WeChat's server APIs with the function's one access token source, for the web console's mini-program codes
   * (made only in the auth function, which alone bundles the maker) and which build of the mini-program they open.
   * Left out where nobody signs a computer in.
   */
  wechatApi?: WechatApi & { wxaEnvVersion: WxaEnvVersion };
}

/** For builders without content checks (the seed, the bench, the admin command): their own texts, nothing to check. */
export const ownTextsOnly: Screen = { texts: async () => undefined, image: async () => undefined };

/** Stands in for what a builder left out: using it is a programming error, said plainly. */
const missing = (what: string) => () => {
  throw new Error(`buildServices: no ${what} was given`);
};
const noUploads: UploadStore = { presign: missing('upload store'), head: missing('upload store'), downloadUrl: missing('upload store'), read: missing('upload store'), remove: missing('upload store') };
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
    checkOpenIds: new DynamoCheckOpenIdRepository(db, table),
    consents: new DynamoConsentRepository(db, table),
    healthReads: new DynamoHealthReadRepository(db, table),
    reminderCredits: new DynamoReminderCreditRepository(db, table),
    feedback: new DynamoFeedbackRepository(db, table),
    calls: new DynamoCallRepository(db, table),
    notices: new DynamoNoticeRepository(db, table),
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
  /** The web console's QR sign-in (扫码登录). */
  consoleLogins: ConsoleLoginService;
  staff: StaffService;
  transfers: TransferService;
  /** The member's own consent to keep health data. */
  consents: ConsentService;
  /** The member's care card (爱心卡). */
  careCards: CareCardService;
  /** An administrator deletes a departed member's personal information. */
  memberErasure: MemberErasureService;
  sessions: SessionService;
  uploads: UploadService;
  overview: BranchOverviewService;
  visits: VisitService;
  points: PointsService;
  inspection: InspectionService;
  /** Organisations' rules, inherited down the hierarchy (the repository's are `repositories.rules`). */
  ruleSets: RulesService;
  /** WeChat's message push: the verdicts of image checks. */
  wechatPush: WechatPushService;
  /** 意见反馈: messages to the administrators and their answers. */
  feedback: FeedbackService;
  /** 已联系: phone calls to members, recorded. */
  calls: CallService;
  /** 变动通知: what the branch changed in a member's plans, told on their home. */
  notices: ChangeNotices;
}

/**
 * What every service is built from: the repositories, the clock, the secrets and the upload store,
 * once per function (once per process on the local server, so that the domains share caches there).
 * Each service is built from it at most once, on first use, by its factory below.
 */
export interface Base {
  deps: ServiceDeps;
  repos: Repositories;
  clock: Clock;
  secrets: SecretSource;
  uploadStore: UploadStore;
  once<T>(factory: (b: Base) => T, make: () => T): T;
}

export function buildBase(deps: ServiceDeps): Base {
  const built = new Map<unknown, unknown>();
  return {
    deps,
    repos: buildRepositories(deps.db, deps.tableName),
    clock: deps.clock,
    secrets: deps.secrets ?? noSecrets,
    uploadStore: deps.uploadStore ?? noUploads,
    once: <T>(factory: unknown, make: () => T): T => {
      if (!built.has(factory)) built.set(factory, make());
      return built.get(factory) as T;
    },
  };
}

/*
 * The one wiring of each service from its dependencies. They are separate functions so that a domain's
 * Lambda (functions/src/api/<domain>.ts, its `wire`) bundles only the services it asks for: esbuild drops
 * the others, and every function stays within its size budget. `buildServices` asks for them all.
 */

/** What every route needs whatever its domain: the token check, idempotency, the repositories and the clock. */
export function coreOf(b: Base) {
  return { repositories: b.repos, table: { db: b.deps.db, name: b.deps.tableName }, clock: b.clock, idempotency: b.repos.idempotency, tokens: tokensOf(b) };
}

export function tokensOf(b: Base): TokenService {
  return b.once(tokensOf, () => new TokenService(() => b.secrets.get(b.deps.signingKeySecretId ?? ''), b.clock));
}

/** WeChat's content checks under each author's openid, for every service that stores texts others read or shows images. */
export function screenOf(b: Base): Screen {
  const checks = b.deps.contentChecks;
  return b.once(screenOf, () => (checks ? new ContentScreen({ ...checks, openIds: b.repos.checkOpenIds }) : ownTextsOnly));
}

export function uploadsOf(b: Base): UploadService {
  return b.once(uploadsOf, () => new UploadService(b.repos.uploads, b.uploadStore, b.repos.orgs, b.clock, screenOf(b)));
}

export function membersOf(b: Base): MemberService {
  const { members, orgs, users, audit, signoffs } = b.repos;
  return b.once(membersOf, () => new MemberService(members, orgs, users, audit, signoffs, b.repos.healthReads, b.clock, screenOf(b)));
}

export function pointsOf(b: Base): PointsService {
  const { members, orgs, rules, signoffs, audit } = b.repos;
  return b.once(pointsOf, () => new PointsService({ points: b.repos.points, members, orgs, rules, signoffs, audit, screen: screenOf(b), clock: b.clock }));
}

/**
 * Sessions and 送学上门 are wired together: the visit work listens for new sessions and needs the session
 * service itself; closing a record reconciles what attendance derives (participation dates, points).
 */
export function sessionsAndVisitsOf(b: Base): { sessions: SessionService; visits: VisitService } {
  return b.once(sessionsAndVisitsOf, () => {
    const { members, orgs, users, audit, sessions, outbox, rules, signoffs } = b.repos;
    const clock = b.clock;
    const uploads = uploadsOf(b);
    const onCreated: SessionCreatedListener[] = [];
    const sessionService = new SessionService({
      sessions, members, orgs, outbox, audit, uploads, users, signoffs, listeners: [new ParticipationTracker(members, sessions, clock), pointsOf(b)], visits: b.repos.visits, onCreated,
      screen: screenOf(b), notices: noticesOf(b), clock,
    });
    const visits = new VisitService({
      visits: b.repos.visits, members, sessions, users, orgs, rules, signoffs, audit, uploads, memberService: membersOf(b), sessionService, healthReads: b.repos.healthReads, screen: screenOf(b),
      notices: noticesOf(b), clock,
    });
    onCreated.push(visits);
    return { sessions: sessionService, visits };
  });
}

export function inspectionOf(b: Base): InspectionService {
  const { orgs, members, sessions, signoffs, rules, users, audit } = b.repos;
  return b.once(inspectionOf, () => new InspectionService({
    orgs, members, sessions, visits: b.repos.visits, points: b.repos.points, reviews: b.repos.reviews, signoffs, rules, users, audit, uploads: uploadsOf(b), screen: screenOf(b), clock: b.clock,
  }));
}

export function overviewOf(b: Base): BranchOverviewService {
  const { orgs, members, sessions, outbox } = b.repos;
  return b.once(overviewOf, () => new BranchOverviewService({ orgs, members, sessions, outbox, calls: b.repos.calls, credits: b.repos.reminderCredits, visitSummary: (branch) => sessionsAndVisitsOf(b).visits.overdueSummary(branch), clock: b.clock }));
}

export function orgsOf(b: Base): OrgService {
  return b.once(orgsOf, () => new OrgService({ orgs: b.repos.orgs, audit: b.repos.audit, clock: b.clock }));
}

export function ruleSetsOf(b: Base): RulesService {
  const { rules, orgs, audit } = b.repos;
  return b.once(ruleSetsOf, () => new RulesService({ rules, orgs, audit, clock: b.clock }));
}

export function authOf(b: Base): AuthService {
  return b.once(authOf, () => {
    const { users, orgs, members, audit } = b.repos;
    const wechatConfig = b.deps.wechat ?? { apiBase: 'https://api.weixin.qq.com', appId: '', secretId: '' };
    const wechat = new HttpWechatClient({ baseUrl: wechatConfig.apiBase, appId: wechatConfig.appId, appSecret: () => b.secrets.get(wechatConfig.secretId ?? secretIdOf('wechatAppSecret')) });
    return new AuthService({
      users, orgs, members, audit, attempts: b.repos.inviteAttempts, checkOpenIds: b.repos.checkOpenIds, tokens: tokensOf(b), wechat, wechatAppId: wechatConfig.appId, clock: b.clock,
    });
  });
}

export function consoleLoginsOf(b: Base): ConsoleLoginService {
  // Built here, not with the shared repositories and clients: only the auth function bundles them.
  return b.once(consoleLoginsOf, () => {
    const api = b.deps.wechatApi;
    const codes: WxaCodeMaker = api ? new HttpWxaCodeMaker(api, api.wxaEnvVersion) : { unlimited: missing('WeChat API for mini-program codes') };
    return new ConsoleLoginService({
      logins: new DynamoConsoleLoginRepository(b.deps.db, b.deps.tableName), users: b.repos.users, audit: b.repos.audit, auth: authOf(b), codes, clock: b.clock,
    });
  });
}

export function wechatPushOf(b: Base): WechatPushService {
  // Only the push route's function is given the push token's id (its route declares `secrets: ['wechatPushToken']`).
  return b.once(wechatPushOf, () => new WechatPushService({ pushToken: () => b.secrets.get(secretIdOf('wechatPushToken')), uploads: uploadsOf(b) }));
}

export function staffOf(b: Base): StaffService {
  const { users, orgs, audit } = b.repos;
  return b.once(staffOf, () => new StaffService({ users, orgs, audit, clock: b.clock }));
}

export function transfersOf(b: Base): TransferService {
  const { members, orgs, users, audit, signoffs } = b.repos;
  return b.once(transfersOf, () => new TransferService({ transfers: b.repos.transfers, members, orgs, users, audit, signoffs, screen: screenOf(b) }, b.clock));
}

export function consentsOf(b: Base): ConsentService {
  const { members, orgs, users, audit, consents, healthReads } = b.repos;
  return b.once(consentsOf, () => new ConsentService({ members, consents, healthReads, orgs, users, audit, uploads: uploadsOf(b), clock: b.clock }));
}

/** Deleting a departed member entirely; built from the table alone (the members function is the one that deletes). */
export function memberErasureOf(b: Base): MemberErasureService {
  const { members, orgs, users, audit, uploads } = b.repos;
  // The erasure's repository is built here, not with the shared ones: only the members function bundles its rewrites.
  return b.once(memberErasureOf, () =>
    new MemberErasureService({ members, orgs, users, audit, uploads, erasure: new MemberErasureRepository(b.deps.db, b.deps.tableName), files: b.uploadStore, clock: b.clock }));
}

export function feedbackOf(b: Base): FeedbackService {
  const { orgs, users, audit } = b.repos;
  return b.once(feedbackOf, () => new FeedbackService({ feedback: b.repos.feedback, orgs, users, audit, screen: screenOf(b), clock: b.clock }));
}

/** 已联系: recording phone calls to members (the members function). */
export function callsOf(b: Base): CallService {
  const { members, orgs, outbox, users, audit } = b.repos;
  return b.once(callsOf, () => new CallService({ calls: b.repos.calls, members, orgs, outbox, users, audit, screen: screenOf(b), clock: b.clock }));
}

export function careCardsOf(b: Base): CareCardService {
  const { members, orgs, users, audit } = b.repos;
  return b.once(careCardsOf, () => new CareCardService({ members, orgs, users, audit, clock: b.clock }));
}

/** Every service: the local stack's demo history, the seed, the admin command, the bench and the tests. */
export function noticesOf(b: Base): ChangeNotices {
  const { notices, members, orgs, users, outbox } = b.repos;
  return b.once(noticesOf, () => new ChangeNotices({ notices, members, orgs, users, outbox, clock: b.clock }));
}

export function servicesOf(b: Base): Services {
  const { sessions, visits } = sessionsAndVisitsOf(b);
  return {
    ...coreOf(b),
    uploads: uploadsOf(b),
    sessions,
    visits,
    points: pointsOf(b),
    inspection: inspectionOf(b),
    overview: overviewOf(b),
    members: membersOf(b),
    orgs: orgsOf(b),
    ruleSets: ruleSetsOf(b),
    auth: authOf(b),
    consoleLogins: consoleLoginsOf(b),
    staff: staffOf(b),
    transfers: transfersOf(b),
    wechatPush: wechatPushOf(b),
    consents: consentsOf(b),
    careCards: careCardsOf(b),
    memberErasure: memberErasureOf(b),
    feedback: feedbackOf(b),
    calls: callsOf(b),
    notices: noticesOf(b),
  };
}

export function buildServices(deps: ServiceDeps): Services {
  return servicesOf(buildBase(deps));
}

/** Everything a route may ask for; a domain's Lambda builds only what its `wire` names (see api/serve.ts). */
export interface AppContext extends Services {
  stage: ReturnType<typeof env>['stage'];
}

let base: Base | undefined;
/** The deployed functions run on the system clock; the local stack may hand in another (tests). */
let contextClock: Clock = systemClock;

/** The clock the functions read "now" from (the system's in AWS; a test's when it started the stack with one). */
export const appClock = (): Clock => contextClock;

/** The function's base, built once per cold start from the environment (once per process locally). */
export function appBase(): Base {
  if (base) return base;
  const e = env();
  const secrets: SecretSource = e.secretsFile ? new FileSecretSource(e.secretsFile) : new SecretsManagerSource({ clock: contextClock });
  const uploadStore =
    e.uploads.kind === 's3' ? new S3UploadStore(e.uploads.bucket, e.uploads.filesBaseUrl) : new LocalUploadStore(e.uploads.dir, e.uploads.baseUrl, () => secrets.get(e.signingKeySecretId), contextClock);
  // One access token source for every caller of WeChat's server APIs in this function.
  const wechatApi = { baseUrl: e.wechatApiBase, tokens: accessTokens(e, secrets) };
  base = buildBase({
    db: createDocumentClient(e.dynamoEndpoint),
    tableName: e.tableName,
    clock: contextClock,
    uploadStore,
    secrets,
    signingKeySecretId: e.signingKeySecretId,
    wechat: { apiBase: e.wechatApiBase, appId: e.wechatAppId, secretId: e.wechatSecretId },
    contentChecks: {
      check: new HttpContentCheck(wechatApi),
      serviceOpenId: e.wechatCheckOpenId,
      skipWithoutOpenId: e.stage !== 'prod',
    },
    // Codes open the released build unless the function is told otherwise (a dev stage scanned with the trial build).
    wechatApi: { ...wechatApi, wxaEnvVersion: (process.env.WXA_ENV_VERSION as WxaEnvVersion | undefined) || 'release' },
  });
  return base;
}

/**
 * WeChat's access token for the content checks: in AWS the one the reminder job publishes (these
 * functions may not read the AppSecret); locally, in one process holding every secret, from
 * stable_token directly.
 */
function accessTokens(e: ReturnType<typeof env>, secrets: SecretSource): AccessTokenSource {
  if (e.secretsFile) {
    return new StableTokenSource({ baseUrl: e.wechatApiBase, appId: e.wechatAppId, appSecret: () => secrets.get(secretIdOf('wechatAppSecret')), clock: contextClock });
  }
  // Its id is asked at the first check: only functions whose routes declare `secrets: ['wechatAccessToken']` are given it.
  return new PublishedTokenSource({ read: () => new SecretsManagerValue(secretIdOf('wechatAccessToken')).read() }, contextClock);
}

/** Every service over the function's base: the local stack only (the domains' Lambdas build what they wire). */
export function appContext(): AppContext {
  return { stage: env().stage, ...servicesOf(appBase()) };
}

/** The scheduled job's parts: the reminder sender, and in AWS where to publish the access token it refreshes. */
export interface ReminderJobContext {
  sender: ReminderSender;
  tokens: StableTokenSource;
  /** AWS only ("WeChat access token"): the functions that check content read it there. */
  published?: ChangingSecret;
}

let job: ReminderJobContext | undefined;

/** The scheduled reminder job's wiring (a separate Lambda: no HTTP routes). It alone, with login, reads the AppSecret. */
export function reminderContext(): ReminderJobContext {
  if (job) return job;
  const e = env();
  const secrets: SecretSource = e.secretsFile ? new FileSecretSource(e.secretsFile) : new SecretsManagerSource({ clock: contextClock });
  const wechatSecretId = secretIdOf('wechatAppSecret');
  const tokens = new StableTokenSource({ baseUrl: e.wechatApiBase, appId: e.wechatAppId, appSecret: () => secrets.get(wechatSecretId), clock: contextClock });
  const sender = buildReminderSender({
    db: createDocumentClient(e.dynamoEndpoint),
    tableName: e.tableName,
    clock: contextClock,
    wechat: { apiBase: e.wechatApiBase, tokens },
    templates: e.reminderTemplates,
  });
  // Locally one process asks stable_token itself (accessTokens above): nothing to publish.
  job = { sender, tokens, ...(e.secretsFile ? {} : { published: new SecretsManagerValue(secretIdOf('wechatAccessToken')) }) };
  return job;
}

/** The reminder job from its dependencies: the scheduled Lambda above, and the tests, on their own stack and clock. */
export function buildReminderSender(deps: {
  db: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
  /** WeChat's API and the access token source the job shares with whatever else it calls. */
  wechat: { apiBase: string; tokens: AccessTokenSource };
  templates: ReminderSenderDeps['templates'];
}): ReminderSender {
  const { db, tableName } = deps;
  return new ReminderSender({
    outbox: new DynamoOutboxRepository(db, tableName),
    sessions: new DynamoSessionRepository(db, tableName),
    members: new DynamoMemberRepository(db, tableName),
    users: new DynamoUserRepository(db, tableName),
    credits: new DynamoReminderCreditRepository(db, tableName),
    messenger: new HttpWechatMessenger({ baseUrl: deps.wechat.apiBase, tokens: deps.wechat.tokens }),
    templates: deps.templates,
    clock: deps.clock,
  });
}

/** Tests that start a fresh stack in the same process drop the cached base. */
export function resetAppContext(options: { clock?: Clock } = {}): void {
  contextClock = options.clock ?? systemClock;
  base = undefined;
  job = undefined;
}
