import { createHash, randomUUID } from 'node:crypto';
import { ownScope, type Resource } from '@ltx/shared/domain/authz';
import { ConflictError, FeedbackAnsweredError, NotFoundError } from '@ltx/shared/domain/errors';
import { rootPath } from '@ltx/shared/domain/hierarchy';
import type { Actor } from '@ltx/shared/domain/roles';
import { FeedbackAnswerInput, FeedbackInput, type Feedback, type FeedbackStatus } from '@ltx/shared/schemas/feedback';
import type { Clock } from '@ltx/shared/time/clock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { FeedbackRepository } from '../repositories/feedback-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { FeedbackRecord } from '../repositories/records';
import { orgPathOf } from '../repositories/records';
import type { UserRepository } from '../repositories/user-repository';
import { authorize } from './authorize';
import type { Screen } from './content-screen';
import { branchResource, orgResource } from './places';

export interface FeedbackDeps {
  feedback: FeedbackRepository;
  orgs: Pick<OrgRepository, 'getBranch' | 'getOrg'>;
  users: Pick<UserRepository, 'getUser'>;
  audit: AuditRepository;
  /** WeChat's text check: the administrators read the message, the writer reads the answer. */
  screen: Screen;
  clock: Clock;
}

/** A retried send (same person, same Idempotency-Key) lands on the same message, even after a crash. */
const idFrom = (userId: string, key: string) => `fb-${createHash('sha256').update(`${userId}\u0000${key}`).digest('hex').slice(0, 24)}`;

/** The message as `can()` sees it: where it was written, and by whom. */
const resourceOf = (f: FeedbackRecord): Resource => ({ type: 'feedback', orgId: f.orgId, orgPath: f.orgPath, branchId: f.branchId, senderUserId: f.senderUserId });

/**
 * 意见反馈 (国办函〔2026〕12号): a member, proxy, secretary or contact writes to the administrators; the
 * administrator of the subtree their branch sits in lists and answers; the writer reads the answer. A message
 * stays where it was written (the path of the branch's organisation then), so a branch moved later does not
 * take its complaints to another administrator. Audit entries go to the organisation's trail, not the branch's:
 * the branch's trail is in its ledger, which its secretary reads, and a complaint may be about the secretary.
 */
export class FeedbackService {
  constructor(private readonly deps: FeedbackDeps) {}

  async send(actor: Actor, input: FeedbackInput, idempotencyKey?: string): Promise<{ created: boolean; feedback: Feedback }> {
    const branch = actor.branchId ? await this.deps.orgs.getBranch(actor.branchId) : undefined;
    authorize(actor, 'feedback.send', branch ? branchResource(branch) : ownScope(actor, 'branch'));
    if (!branch) throw new NotFoundError();
    const id = idempotencyKey ? idFrom(actor.userId, idempotencyKey) : `fb-${randomUUID()}`;
    const existing = idempotencyKey ? await this.deps.feedback.get(id) : undefined;
    if (existing) return { created: false, feedback: toView(existing) };
    await this.deps.screen.texts(actor, FeedbackInput, input, ['text']);
    const user = await this.deps.users.getUser(actor.userId);
    const record: FeedbackRecord = {
      id, kind: input.kind, text: input.text, aboutBranch: input.aboutBranch ?? false, status: 'open',
      createdAt: this.deps.clock.now().toISOString(),
      senderUserId: actor.userId, senderRole: actor.role, senderName: user?.displayName ?? '',
      orgId: branch.orgId, orgPath: branch.orgPath ?? rootPath(branch.orgId), branchId: branch.id, branchName: branch.name,
    };
    if ((await this.deps.feedback.create(record)) === 'conflict') {
      // The same key's first try, still under way or finished a moment ago: its message is the answer.
      const stored = await this.deps.feedback.get(id);
      if (!stored) throw new ConflictError();
      return { created: false, feedback: toView(stored) };
    }
    await this.audit(record.orgId, { at: record.createdAt, actor, action: 'feedback.send', record });
    return { created: true, feedback: toView(record) };
  }

  /** The writer's own messages with their answers, newest first. */
  async mine(actor: Actor): Promise<Feedback[]> {
    authorize(actor, 'feedback.read', ownScope(actor, 'feedback'));
    return (await this.deps.feedback.listBySender(actor.userId)).map(toView);
  }

  async get(actor: Actor, feedbackId: string): Promise<Feedback> {
    return toView(await this.load(actor, 'feedback.read', feedbackId));
  }

  /** The messages of one status written anywhere in the organisation's subtree (administrators). */
  async list(actor: Actor, orgId: string, status: FeedbackStatus = 'open'): Promise<Feedback[]> {
    const org = await this.deps.orgs.getOrg(orgId);
    authorize(actor, 'feedback.list', org ? orgResource(org) : { type: 'org', orgId });
    if (!org) throw new NotFoundError();
    return (await this.deps.feedback.listBySubtree(orgPathOf(org), status)).map(toView);
  }

  /** One answer per message; sending the same answer again (a retry) answers the message as it is. */
  async answer(actor: Actor, feedbackId: string, input: FeedbackAnswerInput): Promise<Feedback> {
    const message = await this.load(actor, 'feedback.answer', feedbackId);
    if (message.status === 'answered') {
      if (message.answer === input.answer && message.answeredBy === actor.userId) return toView(message);
      throw new FeedbackAnsweredError();
    }
    await this.deps.screen.texts(actor, FeedbackAnswerInput, input, ['answer']);
    const user = await this.deps.users.getUser(actor.userId);
    const answered: FeedbackRecord = {
      ...message, status: 'answered', answer: input.answer, answeredAt: this.deps.clock.now().toISOString(), answeredBy: actor.userId, answeredByName: user?.displayName ?? '',
    };
    if ((await this.deps.feedback.answer(answered)) === 'conflict') return this.answer(actor, feedbackId, input);
    await this.audit(message.orgId, { at: answered.answeredAt!, actor, action: 'feedback.answer', record: answered });
    return toView(answered);
  }

  private async load(actor: Actor, action: 'feedback.read' | 'feedback.answer', feedbackId: string): Promise<FeedbackRecord> {
    const message = await this.deps.feedback.get(feedbackId);
    if (!message) throw new NotFoundError();
    authorize(actor, action, resourceOf(message));
    return message;
  }

  private async audit(scope: string, e: { at: string; actor: Actor; action: 'feedback.send' | 'feedback.answer'; record: FeedbackRecord }): Promise<void> {
    const { at, actor, action, record } = e;
    await this.deps.audit.append(scope, {
      at, actorUserId: actor.userId, actorRole: actor.role, action, targetType: 'feedback', targetId: record.id,
      feedback: { kind: record.kind, ...(action === 'feedback.answer' && record.senderName ? { senderName: record.senderName } : {}) },
    });
  }
}

/** Who may see a message decides what it shows: its writer and the administrators read the same view. */
export function toView(f: FeedbackRecord): Feedback {
  return {
    id: f.id, kind: f.kind, text: f.text, aboutBranch: f.aboutBranch, status: f.status, createdAt: f.createdAt,
    senderName: f.senderName, senderRole: f.senderRole, branchName: f.branchName,
    ...(f.answer ? { answer: f.answer, answeredAt: f.answeredAt, answeredByName: f.answeredByName } : {}),
  };
}
