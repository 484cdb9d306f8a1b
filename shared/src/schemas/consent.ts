import * as z from 'zod/mini';
import { consentWays, healthConsentTerms } from '../domain/consent';
import { Id, Int, IsoDate, Timestamp, titled } from './common';

export const ConsentWay = z.enum(consentWays);

/** Consent as it stands: the version of the words agreed to, when, and how. */
export const HealthConsentState = z.object({ termsVersion: z.string(), givenAt: Timestamp, way: ConsentWay });
export type HealthConsentState = z.infer<typeof HealthConsentState>;

/**
 * Giving consent names the version of the words the person read: words changed since then must be read
 * again. The secretary records a paper consent with the photo of the signed form (an upload of the branch).
 */
export const ConsentGiveInput = titled(
  z.strictObject({
    termsVersion: titled(
      z.string().check(z.refine((v) => v === healthConsentTerms.version, { error: '同意书的内容已经更新，请重新打开页面，读过后再同意' })),
      '同意书版本',
    ),
    paperFormUploadId: z.optional(titled(Id, '签字同意书的照片')),
  }),
  '同意保存健康信息',
);
export type ConsentGiveInput = z.infer<typeof ConsentGiveInput>;

/** Withdrawal needs nothing but the tap that confirms it; the secretary may record one asked for in person or by phone. */
export const ConsentWithdrawInput = titled(z.strictObject({}), '撤回同意');
export type ConsentWithdrawInput = z.infer<typeof ConsentWithdrawInput>;

export const ConsentEvent = z.object({
  kind: z.enum(['given', 'withdrawn']),
  at: Timestamp,
  way: ConsentWay,
  /** Who recorded it, in words (本人, 家属, or the secretary's name). */
  byText: z.string(),
  termsVersion: z.optional(z.string()),
});
export type ConsentEvent = z.infer<typeof ConsentEvent>;

/** The consent page: the words to read, whether consent stands now, and every time it was given or withdrawn. */
export const HealthConsentPage = z.object({
  memberId: Id,
  memberName: z.string(),
  terms: z.object({ version: z.string(), title: z.string(), points: z.array(z.string()) }),
  consent: z.optional(HealthConsentState),
  history: z.array(ConsentEvent),
  /** Who read the member's health data, newest day first: the member sees it (their own reads are not listed). */
  reads: z.array(z.object({ day: IsoDate, readerText: z.string(), purposeText: z.string(), count: Int() })),
});
export type HealthConsentPage = z.infer<typeof HealthConsentPage>;
