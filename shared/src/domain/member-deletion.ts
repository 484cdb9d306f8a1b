import type { DepartureReason } from '../schemas/member';
import { dateWords } from '../wording/time-words';

/**
 * Deleting a member entirely (PIPL Art. 47), when an administrator is asked to and the organisation's
 * archive rules allow it. The ledgers stay whole (sessions, attendance, points, 送学上门, the audit trail are
 * the branch's record of its work), but wherever they named the member they now say `已删除的党员（3807号）`:
 * an anonymised reference the organisation can match to its paper archive, and nothing else about the person.
 *
 * Only a member who died or left can be deleted, and only once the year of the departure's ledger and the
 * year after (when it is inspected) have passed: two full years from the departure day. A member who
 * transferred out lives on in the receiving branch, which decides there.
 */
export const deletionWaitYears = 2;

/** The day (YYYY-MM-DD) from which a departure on `on` allows deletion. */
export function deletableFrom(on: string): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  // 29 February moves to 1 March in a year without it, as people count "two years".
  const day = new Date(Date.UTC(y + deletionWaitYears, m - 1, d));
  return day.toISOString().slice(0, 10);
}

export interface DeletableMember {
  departure?: { reason: DepartureReason; on: string } | null;
  erased?: unknown;
}

/** Why this member cannot be deleted on `today` (a China day), in words; undefined when they can be. */
export function deletionRefusal(member: DeletableMember, today: string): string | undefined {
  const departure = member.departure;
  if (!departure) return '这位党员还在党员名单上。只有逝世或离开的党员，才能删除个人信息。';
  if (departure.reason === 'transferred_out') return '这位党员的组织关系已转出，个人信息由接收的支部保管，不能在这里删除。';
  const from = deletableFrom(departure.on);
  if (today < from) return `按台账保存的规定，逝世或离开满${deletionWaitYears}年后才能删除，${dateWords(from, { weekday: false })}起可以删除。`;
  return undefined;
}

/**
 * The deleted member's reference: four digits fixed by the member's id, so a retried deletion writes the same
 * (digits, not letters: people read it, and may copy it onto the paper archive by hand).
 */
export function deletionRef(memberId: string): string {
  // FNV-1a: the same on the server and in the mini-program, without Node's crypto (a reference, not a secret).
  let hash = 0x811c9dc5;
  for (const ch of memberId) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return String(hash % 10000).padStart(4, '0');
}

/** How pages, exports and the audit trail name a deleted member. */
export const deletedMemberName = (ref: string): string => `已删除的党员（${ref}号）`;
/** How the trail names a family member who acted for a deleted member. */
export const deletedProxyName = (ref: string): string => `${deletedMemberName(ref)}的家属`;

/** Why the administrator deletes (a choice, not free text: the trail must not carry personal details). */
export const deletionReasons = ['family_request', 'member_request', 'archive_rule'] as const;
export type DeletionReason = (typeof deletionReasons)[number];
