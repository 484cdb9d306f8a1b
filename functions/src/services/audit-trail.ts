import type { AuditRepository } from '../repositories/audit-repository';
import type { AuditEntry } from '../repositories/records';
import type { UserRepository } from '../repositories/user-repository';

/**
 * The audit store, with the actor's name and role written into each entry as it is appended, so the
 * trail reads as sentences without a lookup per entry later. The token carries the role but not the name:
 * a service that already knows both passes them, and no lookup is made; otherwise one GetItem of the user.
 */
export class NamingAuditTrail implements AuditRepository {
  constructor(
    private readonly store: AuditRepository,
    private readonly users: Pick<UserRepository, 'getUser'>,
  ) {}

  async append(scope: string, entry: AuditEntry, id?: string): Promise<void> {
    if (entry.actorName && entry.actorRole) return this.store.append(scope, entry, id);
    const user = await this.users.getUser(entry.actorUserId);
    const actorName = entry.actorName ?? user?.displayName;
    const actorRole = entry.actorRole ?? user?.role;
    await this.store.append(scope, { ...entry, ...(actorName ? { actorName } : {}), ...(actorRole ? { actorRole } : {}) }, id);
  }

  list(scope: string, fromIso: string, toIso: string): Promise<AuditEntry[]> {
    return this.store.list(scope, fromIso, toIso);
  }
}
