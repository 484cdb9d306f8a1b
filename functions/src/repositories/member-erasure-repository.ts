import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from '../db/client';
import { keys } from '../db/keys';
import { queryAll } from '../db/query-all';
import { queryIndex } from '../db/query-index';
import { TableRepository } from '../db/table-repository';
import {
  auditEntries, consentEvents, formerMembers, members, pendingChanges, users,
  type AuditEntry, type ConsentEventRecord, type MemberRecord, type UserRecord,
} from './records';

/** What one member's deletion rewrites: their anonymised name, and how to recognise them where only a name was kept. */
export interface ErasureTarget {
  memberId: string;
  /** `已删除的党员（3807号）`. */
  anonymisedName: string;
  /** `已删除的党员（3807号）的家属`. */
  anonymisedProxyName: string;
  /**
   * The names the member was written under in the branch's trail (their current one), empty when another
   * member of the branch has the same name: then only entries that point at the member by id are rewritten.
   */
  names: ReadonlySet<string>;
  /** The member's own accounts and their proxies' (actor ids in the trail). */
  memberUserIds: ReadonlySet<string>;
  proxyUserIds: ReadonlySet<string>;
  /** Records the trail's entries point at that are the member's: the member, their 送学上门 requests, their transfers. */
  targetIds: Set<string>;
}

/** What the member's own partition holds beside the profile (`MEMBER#<id>`). */
export interface MemberPartition {
  former: MemberRecord[];
  consents: ConsentEventRecord[];
  /** Keys of items deleted outright: pending changes, consent events, health read logs, recorded calls (their notes), change notices. */
  erasable: { pk: string; sk: string }[];
}

/**
 * Where a member's name and personal data are copied beside their own record, and how each copy is made
 * anonymous when an administrator deletes the member (services/member-erasure-service.ts). A new record
 * that copies a member's name must be added here. Every step is idempotent (a retried deletion rewrites
 * the same values), and each reads only the member's own partition or one branch's records of a kind:
 * Queries on the branch's indexes, never a Scan.
 *
 * The audit trail is append-only except for this one rewrite: names become the anonymised reference;
 * actions, times and every other field stay as they were.
 */
export class MemberErasureRepository extends TableRepository {
  async partition(memberId: string): Promise<MemberPartition> {
    const items = await queryAll(this.db, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.member(memberId).pk } });
    const result: MemberPartition = { former: [], consents: [], erasable: [] };
    for (const item of items) {
      const key = { pk: String(item.pk), sk: String(item.sk) };
      if (item.type === formerMembers.type) result.former.push(formerMembers.fromItem(item));
      if (item.type === consentEvents.type) result.consents.push(consentEvents.fromItem(item));
      if (item.type === pendingChanges.type || item.type === consentEvents.type || key.sk.startsWith(keys.healthReadPrefix) || key.sk.startsWith(keys.callPrefix) || key.sk.startsWith(keys.noticePrefix)) result.erasable.push(key);
    }
    return result;
  }

  async deleteItems(itemKeys: readonly { pk: string; sk: string }[]): Promise<void> {
    for (const Key of itemKeys) await this.db.send(new DeleteCommand({ TableName: this.table, Key }));
  }

  /** What a branch keeps of the member after a transfer out, replaced by its anonymous form. */
  async putFormer(former: MemberRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: formerMembers.toItem(former) }));
  }

  /** The member's own record, replaced by its anonymous form if still at `expectedVersion`. */
  async replaceMember(next: MemberRecord, expectedVersion: number): Promise<'ok' | 'conflict'> {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.table, Item: members.toItem(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
      );
      return 'ok';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'conflict';
      throw error;
    }
  }

  /**
   * Sessions of the branch that expected the member: the name in the planned list (kept for the minutes).
   * The version grows, so an edit made from an older read answers 409 instead of writing the name back.
   */
  async renameInSessions(branchId: string, target: ErasureTarget): Promise<number> {
    const found = await queryIndex(
      this.db,
      { TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.sessionsOfBranch(branchId) } },
      { ProjectionExpression: '#id, #expected', ExpressionAttributeNames: { '#id': 'id', '#expected': 'expected' } },
    );
    let changed = 0;
    for (const session of found) {
      const expected = (session.expected ?? []) as { memberId: string; name: string }[];
      const index = expected.findIndex((e) => e.memberId === target.memberId);
      if (index < 0 || expected[index]!.name === target.anonymisedName) continue;
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.session(String(session.id)),
          UpdateExpression: `SET expected[${index}].#name = :anon, version = version + :one`,
          ConditionExpression: `expected[${index}].memberId = :member`,
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: { ':anon': target.anonymisedName, ':one': 1, ':member': target.memberId },
        }),
      );
      changed++;
    }
    return changed;
  }

  /** The member's 送学上门 requests, open and finished: the name on each card. Returns their ids (the trail points at them). */
  async renameInVisits(branchId: string, target: ErasureTarget): Promise<string[]> {
    const ids: string[] = [];
    for (const open of [true, false]) {
      const found = await queryIndex(
        this.db,
        { TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.visitsOfBranch(branchId, open) } },
        { ProjectionExpression: '#id, memberId, memberName', ExpressionAttributeNames: { '#id': 'id' } },
      );
      for (const visit of found.filter((v) => v.memberId === target.memberId)) {
        ids.push(String(visit.id));
        if (visit.memberName === target.anonymisedName) continue;
        await this.setField(keys.visit(String(visit.id)), 'memberName', target.anonymisedName, true);
      }
    }
    return ids;
  }

  /** Reminders about the member still in the branch's outbox: deleted (nobody is to be reminded any more). */
  async deleteReminders(branchId: string, memberId: string): Promise<number> {
    const found = await queryIndex(
      this.db,
      { TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.outboxOfBranch(branchId) } },
      { ProjectionExpression: 'memberId' },
    );
    const mine = found.filter((r) => r.memberId === memberId);
    await this.deleteItems(mine.map((r) => ({ pk: String(r.pk), sk: String(r.sk) })));
    return mine.length;
  }

  /** Transfers (组织关系转接) of the member, out of or into the branch: the name on each. Returns their ids. */
  async renameInTransfers(branchId: string, target: ErasureTarget): Promise<string[]> {
    const ids: string[] = [];
    for (const [index, way] of [['gsi1', 'OUT'], ['gsi2', 'IN']] as const) {
      const found = await queryIndex(
        this.db,
        { TableName: this.table, IndexName: index, KeyConditionExpression: `${index}pk = :pk`, ExpressionAttributeValues: { ':pk': keys.transfersOfBranch(branchId, way) } },
        { ProjectionExpression: '#id, memberId, memberName', ExpressionAttributeNames: { '#id': 'id' } },
      );
      for (const transfer of found.filter((t) => t.memberId === target.memberId)) {
        ids.push(String(transfer.id));
        if (transfer.memberName !== target.anonymisedName) await this.setField(keys.transfer(String(transfer.id)), 'memberName', target.anonymisedName, false);
      }
    }
    return ids;
  }

  /** Messages (意见反馈) the member's and their proxies' accounts sent: the sender's name (the words stay, as the answer refers to them). */
  async renameFeedbackSenders(target: ErasureTarget): Promise<void> {
    const senders = [...[...target.memberUserIds].map((id) => [id, target.anonymisedName] as const), ...[...target.proxyUserIds].map((id) => [id, target.anonymisedProxyName] as const)];
    for (const [userId, name] of senders) {
      const found = await queryIndex(
        this.db,
        { TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.feedbackOfUser(userId) } },
        { ProjectionExpression: '#id, senderName', ExpressionAttributeNames: { '#id': 'id' } },
      );
      for (const message of found) if (message.senderName !== name) await this.setField(keys.feedback(String(message.id)), 'senderName', name, false);
    }
  }

  /**
   * The member's and their proxies' accounts: withdrawn at once (their tokens stop working: the session
   * version grows), named anonymously, without the openid kept for reminders; the openid for content checks
   * and the reminder credits beside the account are deleted.
   */
  async retireAccounts(accounts: readonly UserRecord[], names: (u: UserRecord) => string, at: string, by: string): Promise<void> {
    for (const user of accounts) {
      const { wechatOpenId: _openid, ...rest } = user;
      const next: UserRecord = { ...rest, displayName: names(user), withdrawnAt: user.withdrawnAt ?? at, withdrawnBy: user.withdrawnBy ?? by, sessionVersion: (user.sessionVersion ?? 0) + 1 };
      await this.db.send(new PutCommand({ TableName: this.table, Item: users.toItem(next) }));
      await this.deleteItems([keys.checkOpenId(user.id), keys.reminderCredits(user.id)]);
    }
  }

  /** The branch's audit trail: entries naming the member (or their proxies) get the anonymised names. Returns how many changed. */
  async renameInAudit(scope: string, target: ErasureTarget): Promise<number> {
    const items = await queryAll(this.db, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.audit(scope) } });
    let changed = 0;
    for (const item of items) {
      const entry = auditEntries.fromItem(item);
      const next = anonymiseEntry(entry, target);
      if (next === entry) continue;
      await this.db.send(new PutCommand({ TableName: this.table, Item: { ...item, ...next } }));
      changed++;
    }
    return changed;
  }

  private async setField(key: { pk: string; sk: string }, field: string, value: string, versioned: boolean): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: key,
        UpdateExpression: `SET #f = :v${versioned ? ', version = version + :one' : ''}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#f': field },
        ExpressionAttributeValues: { ':v': value, ...(versioned ? { ':one': 1 } : {}) },
      }),
    );
  }
}

/** One entry with the member's names replaced; the same object when nothing in it names them. */
export function anonymiseEntry(entry: AuditEntry, target: ErasureTarget): AuditEntry {
  const isMember = (name: string | undefined) => name !== undefined && target.names.has(name);
  const aboutMember = target.targetIds.has(entry.targetId) || isMember(entry.memberName);
  const actorName = target.memberUserIds.has(entry.actorUserId)
    ? target.anonymisedName
    : target.proxyUserIds.has(entry.actorUserId)
      ? target.anonymisedProxyName
      : entry.actorName;
  const next: AuditEntry = {
    ...entry,
    ...(entry.memberName !== undefined && aboutMember ? { memberName: target.anonymisedName } : {}),
    ...(entry.actorName !== undefined ? { actorName } : {}),
    ...(entry.lines ? { lines: entry.lines.map((l) => (isMember(l.name) ? { ...l, name: target.anonymisedName } : l)) } : {}),
    ...(entry.cleared ? { cleared: entry.cleared.map((n) => (isMember(n) ? target.anonymisedName : n)) } : {}),
    ...(entry.feedback?.senderName !== undefined && isMember(entry.feedback.senderName) ? { feedback: { ...entry.feedback, senderName: target.anonymisedName } } : {}),
  };
  return JSON.stringify(next) === JSON.stringify(entry) ? entry : next;
}
