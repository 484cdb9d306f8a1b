import * as z from 'zod/mini';
import { memberLimits } from '../limits';
import { Id, IsoDate, ShortText, Timestamp, titled } from './common';

/**
 * 组织关系转接: a member moves to another branch. The sending branch proposes it, the receiving branch
 * accepts (or declines); until then the member stays on the sending roll. No health data is carried here:
 * the receiving side reads the member's record only once it is theirs.
 */
export const transferStatuses = ['pending', 'accepting', 'accepted', 'declined', 'cancelled'] as const;
export const TransferStatus = z.enum(transferStatuses);
export type TransferStatus = z.infer<typeof TransferStatus>;

export const TransferInput = titled(
  z.strictObject({
    toBranchId: titled(Id, '转入支部'),
    /** The China day the membership moves: the receiving roll counts the member from it, the sending one leaves them out from it. */
    on: titled(IsoDate, '转接日期'),
    note: z.optional(ShortText('备注', memberLimits.departureNote)),
  }),
  '组织关系转出',
);
export type TransferInput = z.infer<typeof TransferInput>;

/** Declining says why, in a few words the sending secretary reads. */
export const TransferDeclineInput = titled(z.strictObject({ reason: z.optional(ShortText('原因', memberLimits.departureNote)) }), '不接收');
export type TransferDeclineInput = z.infer<typeof TransferDeclineInput>;

export const Transfer = z.object({
  id: Id,
  memberId: Id,
  memberName: z.string(),
  fromBranchId: Id,
  fromBranchName: z.string(),
  toBranchId: Id,
  toBranchName: z.string(),
  on: IsoDate,
  note: z.optional(z.string()),
  status: TransferStatus,
  createdAt: Timestamp,
  resolvedAt: z.optional(Timestamp),
  declineReason: z.optional(z.string()),
});
export type Transfer = z.infer<typeof Transfer>;

/** A branch's pending transfers both ways, and the branches a member can be transferred to. */
export const TransferBoard = z.object({
  incoming: z.array(Transfer),
  outgoing: z.array(Transfer),
  destinations: z.array(z.object({ id: Id, name: z.string() })),
});
export type TransferBoard = z.infer<typeof TransferBoard>;
