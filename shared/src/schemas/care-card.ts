import * as z from 'zod/mini';
import { careCardItemLabels, type CareCardItem } from '../labels';
import { careCardLimits } from '../limits';
import { CareNotes, EmergencyContact } from './member';
import { Id, Int, ShortText, Timestamp, titled } from './common';

/** Which items the member put on their card: one yes or no per item (labels.ts `careCardItemLabels`). */
export const CareCardShow = titled(
  z.strictObject(
    Object.fromEntries(Object.entries(careCardItemLabels).map(([item, label]) => [item, titled(z.boolean(), label)])) as Record<CareCardItem, z.ZodMiniBoolean>,
  ),
  '卡上印哪些内容',
);
export type CareCardShow = z.infer<typeof CareCardShow>;

/**
 * The member (or their proxy) decides what is on the card. `conditions` and `medicines` are health data:
 * accepted only while the member's consent to keep it stands, and erased with it.
 */
export const CareCardInput = titled(
  z.strictObject({
    show: CareCardShow,
    conditions: z.optional(ShortText('身体情况', careCardLimits.conditions)),
    medicines: z.optional(ShortText('常用药', careCardLimits.medicines)),
    /** The card's version the editor saw (0 before the first save): a stale one answers 409. */
    expectedVersion: titled(Int().check(z.gte(0)), '版本'),
  }),
  '爱心卡',
);
export type CareCardInput = z.infer<typeof CareCardInput>;

/**
 * The card's page, for the member and their proxy only: what they chose, and everything that could be on it
 * (the profile's address, care notes and emergency contacts, the paired contact), so the page shows the card
 * as it prints and the choices beside it. Nobody else reads it online: the card is for whoever holds it.
 */
export const CareCardPage = z.object({
  memberId: Id,
  memberName: z.string(),
  branchName: z.string(),
  /** 0 while the member has not saved a card: the page then offers the suggested choices. */
  version: Int(),
  show: CareCardShow,
  /** Whether the member's consent to keep health data stands: without it, conditions and medicines are not kept. */
  healthConsent: z.boolean(),
  conditions: z.optional(z.string()),
  medicines: z.optional(z.string()),
  address: z.optional(z.string()),
  careNotes: z.optional(CareNotes),
  emergencyContacts: z.array(EmergencyContact),
  contactName: z.optional(z.string()),
  updatedAt: z.optional(Timestamp),
});
export type CareCardPage = z.infer<typeof CareCardPage>;
