import { randomInt } from 'node:crypto';
import { inviteLifetimeDays } from '@ltx/shared/domain/invites';
import { ConflictError } from '@ltx/shared/domain/errors';
import { isConditionalCheckFailed } from '../db/client';

/** No 0/O or 1/I: codes are read aloud over the phone. */
const inviteAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A fresh 6-character invite code (member and staff invites alike: one format, one key space). */
export function newInviteCode(): string {
  return Array.from({ length: 6 }, () => inviteAlphabet[randomInt(inviteAlphabet.length)]).join('');
}

/** When an invite made at `now` stops working. */
export function inviteExpiry(now: Date): string {
  return new Date(now.getTime() + inviteLifetimeDays * 24 * 3600 * 1000).toISOString();
}

/**
 * Puts an invite under a fresh code, drawing again when the code is taken (`put` writes with
 * `attribute_not_exists`); after five collisions in a row something is wrong: 409.
 */
export async function putWithFreshCode<T>(put: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await put(newInviteCode());
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
  throw new ConflictError();
}
