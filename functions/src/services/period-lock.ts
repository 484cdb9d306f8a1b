import { firstLocked } from '@ltx/shared/domain/locks';
import { PeriodLockedError } from '@ltx/shared/domain/errors';
import type { SignoffRecord } from '../repositories/records';
import type { SignoffRepository } from '../repositories/signoff-repository';

/**
 * The one question services ask before a write: which signed-off period, if any, covers these
 * dates for this branch (the rule is `@ltx/shared/domain/locks`). One Query of the branch's sign-offs.
 */
export async function signedPeriodFor(signoffs: SignoffRepository, branchId: string, ...dates: (string | undefined)[]): Promise<SignoffRecord | undefined> {
  if (!dates.some(Boolean)) return undefined;
  return firstLocked(await signoffs.list(branchId), dates);
}

/** Refuses a write whose effect falls in a signed-off period: 409 PERIOD_LOCKED, nothing written. */
export async function assertPeriodOpen(signoffs: SignoffRepository, branchId: string, ...dates: (string | undefined)[]): Promise<void> {
  const locked = await signedPeriodFor(signoffs, branchId, ...dates);
  if (locked) throw new PeriodLockedError(locked.period);
}
