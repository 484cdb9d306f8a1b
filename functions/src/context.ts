import { systemClock, type Clock } from '@ltx/shared/time/clock';
import { env } from './config/env';
import { createDocumentClient } from './db/client';
import { DynamoAuditRepository } from './repositories/audit-repository';
import { DynamoIdempotencyRepository, type IdempotencyRepository } from './repositories/idempotency-repository';
import { NamingAuditTrail } from './services/audit-trail';
import { DynamoMemberRepository } from './repositories/member-repository';
import { DynamoOrgRepository } from './repositories/org-repository';
import { DynamoUserRepository } from './repositories/user-repository';
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

/** Everything a handler needs, built once per cold start from the environment. */
export interface AppContext {
  stage: ReturnType<typeof env>['stage'];
  clock: Clock;
  /** What each Idempotency-Key was used for and answered (see http/idempotency.ts). */
  idempotency: IdempotencyRepository;
  tokens: TokenService;
  members: MemberService;
  orgs: OrgService;
  auth: AuthService;
  sessions: SessionService;
  uploads: UploadService;
  overview: BranchOverviewService;
  visits: VisitService;
  points: PointsService;
  inspection: InspectionService;
}

let current: AppContext | undefined;

export function appContext(): AppContext {
  if (current) return current;
  const e = env();
  // The one clock every service reads "now" from (tests move it with libfaketime or a ManualClock).
  const clock = systemClock;
  const db = createDocumentClient(e.dynamoEndpoint);
  const secrets: SecretSource = e.secretsFile ? new FileSecretSource(e.secretsFile) : new SecretsManagerSource();
  const members = new DynamoMemberRepository(db, e.tableName);
  const orgs = new DynamoOrgRepository(db, e.tableName);
  const users = new DynamoUserRepository(db, e.tableName);
  // Names the actor in each entry as it is written: the trail then reads as sentences without lookups.
  const audit = new NamingAuditTrail(new DynamoAuditRepository(db, e.tableName), users);
  const tokens = new TokenService(() => secrets.get(e.signingKeySecretId));
  const wechat = new HttpWechatClient({ baseUrl: e.wechatApiBase, appId: e.wechatAppId, appSecret: () => secrets.get(e.wechatSecretId) });
  const sessions = new DynamoSessionRepository(db, e.tableName);
  const outbox = new DynamoOutboxRepository(db, e.tableName);
  const rules = new DynamoRulesRepository(db, e.tableName);
  const store =
    e.uploads.kind === 's3' ? new S3UploadStore(e.uploads.bucket) : new LocalUploadStore(e.uploads.dir, e.uploads.baseUrl, () => secrets.get(e.signingKeySecretId));
  const uploads = new UploadService(new DynamoUploadRepository(db, e.tableName), store, orgs, clock);
  const memberService = new MemberService(members, orgs, users, audit, clock);
  // The 送学上门 work listens for new sessions; it needs the session service itself, so it joins after.
  const onCreated: SessionCreatedListener[] = [];
  const signoffs = new DynamoSignoffRepository(db, e.tableName);
  const points = new PointsService({ points: new DynamoPointsRepository(db, e.tableName), members, orgs, rules, signoffs, audit, clock });
  const visitRepository = new DynamoVisitRepository(db, e.tableName);
  // Closing a record reconciles what attendance derives (participation dates and points) through these listeners.
  const sessionService = new SessionService({
    sessions, members, orgs, outbox, audit, uploads, users, signoffs, listeners: [new ParticipationTracker(members, sessions, clock), points], visits: visitRepository, onCreated, clock,
  });
  const pointsRepository = new DynamoPointsRepository(db, e.tableName);
  const visits = new VisitService({
    visits: visitRepository, members, sessions, users, orgs, rules, signoffs, audit, uploads, memberService, sessionService, clock,
  });
  onCreated.push(visits);
  current = {
    stage: e.stage,
    clock,
    idempotency: new DynamoIdempotencyRepository(db, e.tableName),
    uploads,
    sessions: sessionService,
    visits,
    points,
    inspection: new InspectionService({
      orgs, members, sessions, visits: visitRepository, points: pointsRepository, reviews: new DynamoReviewRepository(db, e.tableName), signoffs, rules, users, audit, uploads, clock,
    }),
    overview: new BranchOverviewService({ orgs, members, sessions, outbox, rules, visitSummary: (b, o) => visits.overdueSummary(b, o), clock }),
    tokens,
    members: memberService,
    orgs: new OrgService(orgs),
    auth: new AuthService({ users, orgs, members, audit, tokens, wechat, wechatAppId: e.wechatAppId, clock }),
  };
  return current;
}

let sender: ReminderSender | undefined;

/** The scheduled reminder job's wiring (a separate Lambda: no HTTP routes). */
export function reminderContext(): ReminderSender {
  if (sender) return sender;
  const e = env();
  const db = createDocumentClient(e.dynamoEndpoint);
  const secrets: SecretSource = e.secretsFile ? new FileSecretSource(e.secretsFile) : new SecretsManagerSource();
  sender = new ReminderSender({
    outbox: new DynamoOutboxRepository(db, e.tableName),
    sessions: new DynamoSessionRepository(db, e.tableName),
    users: new DynamoUserRepository(db, e.tableName),
    messenger: new HttpWechatMessenger({ baseUrl: e.wechatApiBase, appId: e.wechatAppId, appSecret: () => secrets.get(e.wechatSecretId) }),
    templates: e.reminderTemplates,
    clock: systemClock,
  });
  return sender;
}

/** Tests that start a fresh stack in the same process drop the cached context. */
export function resetAppContext(): void {
  current = undefined;
  sender = undefined;
}
