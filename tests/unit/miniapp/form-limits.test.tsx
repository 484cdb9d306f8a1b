import { describe, expect, it } from 'vitest';
import {
  amendmentLimits, inspectionLimits, memberLimits, minutesLimits, pointsLimits, sessionLimits, visitLimits,
} from '@ltx/shared/limits';
import { RectificationPatch, ReviewInput } from '@ltx/shared/schemas/inspection';
import { MemberCreateInput } from '@ltx/shared/schemas/member';
import { ManualAwardInput, ReversalInput } from '@ltx/shared/schemas/points';
import { AmendmentInput, MinutesInput, SessionCreateInput } from '@ltx/shared/schemas/session';
import { VisitCancelInput, VisitDeliverInput, VisitRequestInput } from '@ltx/shared/schemas/visit';
import { validate } from '@ltx/shared/validation';
import type * as z from 'zod/mini';
import { emptyMemberForm, toCreateInput } from '@/services/member-form';
import { toAmendmentInput, toMinutesInput } from '@/services/minutes-form';
import { reversalReasonProblem, toAwardInput } from '@/services/points-view';
import { emptyReview, returnReasonProblem, toAnswer, toReviewInput } from '@/services/review-form';
import { emptySessionForm, toSessionInput, withKind } from '@/services/session-form';
import { cancelReasonProblem, defaultDeliverForm, observationFields, toDeliverInput, toVisitRequestInput } from '@/services/visit-forms';

/**
 * The forms check lengths before sending, from the same limits (shared/src/limits.ts) as the
 * schemas: at the limit both take the text, one character more and both refuse it.
 */
interface Case {
  field: string;
  max: number;
  /** The form's message for the field, given a text of that length; undefined when it takes it. */
  form: (text: string) => string | undefined;
  schema: z.core.$ZodType;
  body: (text: string) => unknown;
  /** The field's path in the API's messages. */
  path?: string;
}

const now = new Date('2025-11-26T02:00:00Z');
const sessionForm = withKind(emptySessionForm({ now, secretaryName: '张卫东', lastPlace: '社区活动中心' }), 'theme_day', now);
const sessionBody = { kind: 'theme_day', topic: '主题党日', startsAt: '2025-12-03T01:30:00Z', place: '活动室', hostName: '张卫东', recorderName: '李明' };
const memberForm = {
  ...emptyMemberForm(), name: '张桂兰', gender: 'female', birthDate: { year: '1946', month: '3', day: '8' },
  joinedPartyOn: { year: '1970', month: '7', day: '1' }, livingSituation: 'with_family',
} as const;
const memberBody = { name: '张桂兰', gender: 'female', birthDate: '1946-03-08', joinedPartyOn: '1970-07-01', livingSituation: 'with_family' };
const deliverForm = defaultDeliverForm(now, '学习：主题党日');
const deliverBody = { deliveredAt: now.toISOString(), studied: '学习：主题党日' };

const errorOf = <E,>(r: { ok: true } | { ok: false; errors: E }, key: keyof E) => (r.ok ? undefined : (r.errors[key] as string | undefined));

const sessionCases: Case[] = (['topic', 'place', 'hostName', 'recorderName', 'materialText'] as const).map((field) => ({
  field, max: sessionLimits[field], schema: SessionCreateInput,
  form: (t) => errorOf(toSessionInput({ ...sessionForm, [field]: t }), field), body: (t) => ({ ...sessionBody, [field]: t }),
}));
const minutesCases: Case[] = (['agenda', 'content', 'decisions', 'votes'] as const).map((field) => ({
  field, max: minutesLimits[field], schema: MinutesInput,
  form: (t) => errorOf(toMinutesInput({ agenda: '', content: '', decisions: '', votes: '', photos: [], [field]: t }), field), body: (t) => ({ [field]: t }),
}));
const deliverCases: Case[] = (['studied', 'remarks', 'views'] as const).map((field) => ({
  field, max: visitLimits[field], schema: VisitDeliverInput,
  form: (t) => errorOf(toDeliverInput({ ...deliverForm, [field]: t }, now), field), body: (t) => ({ ...deliverBody, [field]: t }),
}));
const observationCases: Case[] = observationFields.map(({ key, max }) => ({
  field: key, max, schema: VisitDeliverInput, path: `observations.${key}`,
  form: (t) => errorOf(toDeliverInput({ ...deliverForm, observations: { ...deliverForm.observations, [key]: t } }, now), key),
  body: (t) => ({ ...deliverBody, observations: { [key]: t } }),
}));

const cases: Case[] = [
  ...sessionCases,
  ...minutesCases,
  ...deliverCases,
  ...observationCases,
  {
    field: 'reason', max: amendmentLimits.reason, schema: AmendmentInput,
    form: (t) => errorOf(toAmendmentInput({ reason: t, what: 'note', note: '更正', memberId: '', status: '', leaveReason: '' }), 'reason'), body: (t) => ({ reason: t, note: '更正' }),
  },
  {
    field: 'note', max: amendmentLimits.note, schema: AmendmentInput,
    form: (t) => errorOf(toAmendmentInput({ reason: '核实', what: 'note', note: t, memberId: '', status: '', leaveReason: '' }), 'note'), body: (t) => ({ reason: '核实', note: t }),
  },
  { field: 'note', max: visitLimits.note, schema: VisitRequestInput, form: (t) => errorOf(toVisitRequestInput({ slot: 'any', note: t }, undefined), 'note'), body: (t) => ({ note: t }) },
  { field: 'reason', max: visitLimits.cancelReason, schema: VisitCancelInput, form: cancelReasonProblem, body: (t) => ({ reason: t }) },
  { field: 'name', max: memberLimits.name, schema: MemberCreateInput, form: (t) => errorOf(toCreateInput({ ...memberForm, name: t }), 'name'), body: (t) => ({ ...memberBody, name: t }) },
  { field: 'address', max: memberLimits.address, schema: MemberCreateInput, form: (t) => errorOf(toCreateInput({ ...memberForm, address: t }), 'address'), body: (t) => ({ ...memberBody, address: t }) },
  { field: 'opinion', max: inspectionLimits.opinion, schema: ReviewInput, form: (t) => toReviewInput('2026-Q4', { ...emptyReview, opinion: t }).ok ? undefined : 'refused', body: (t) => ({ period: '2026-Q4', opinion: t }) },
  { field: 'reason', max: inspectionLimits.returnReason, schema: RectificationPatch, form: returnReasonProblem, body: (t) => ({ action: 'return', reason: t }) },
  { field: 'text', max: inspectionLimits.answer, schema: RectificationPatch, form: (t) => { const r = toAnswer(t, []); return r.ok ? undefined : r.error; }, body: (t) => ({ action: 'answer', text: t }) },
  {
    field: 'reason', max: pointsLimits.reason, schema: ManualAwardInput,
    form: (t) => errorOf(toAwardInput({ category: 'volunteer', sign: 'add', points: '5', reason: t, date: { year: '', month: '', day: '' } }), 'reason'),
    body: (t) => ({ category: 'volunteer', points: 5, reason: t }),
  },
  { field: 'reason', max: pointsLimits.reversalReason, schema: ReversalInput, form: reversalReasonProblem, body: (t) => ({ reason: t }) },
];

const issueAt = (c: Case, text: string) => {
  const r = validate(c.schema, c.body(text));
  return r.ok ? undefined : r.issues.find((i) => i.path === (c.path ?? c.field))?.message;
};

const schemaNames = new Map<z.core.$ZodType, string>(Object.entries({
  SessionCreateInput, MinutesInput, AmendmentInput, VisitRequestInput, VisitCancelInput, VisitDeliverInput, MemberCreateInput, ReviewInput, RectificationPatch, ManualAwardInput, ReversalInput,
}).map(([name, schema]) => [schema, name]));

describe('form limits are the schemas’ limits', () => {
  it.each(cases.map((c) => [`${schemaNames.get(c.schema)}.${c.path ?? c.field} (${c.max})`, c] as const))('%s', (_name, c) => {
    const atLimit = '字'.repeat(c.max);
    const over = '字'.repeat(c.max + 1);
    expect(c.form(atLimit)).toBeUndefined();
    expect(issueAt(c, atLimit)).toBeUndefined();
    expect(c.form(over)).toBeDefined();
    expect(issueAt(c, over)).toMatch(new RegExp(`：最多 ${c.max} 个字$`));
  });

  it('keeps the shortest texts the same on both sides', () => {
    const short = '字'.repeat(memberLimits.nameMin - 1);
    expect(errorOf(toCreateInput({ ...memberForm, name: short }), 'name')).toBe(`姓名：请填写 ${memberLimits.nameMin} 到 ${memberLimits.name} 个字`);
    expect(validate(MemberCreateInput, { ...memberBody, name: short })).toMatchObject({ ok: false, issues: [{ path: 'name', message: `姓名：至少 ${memberLimits.nameMin} 个字` }] });
    const one = '字'.repeat(inspectionLimits.textMin - 1);
    expect(returnReasonProblem(one)).toBe(`退回原因：至少写 ${inspectionLimits.textMin} 个字`);
    expect(validate(RectificationPatch, { action: 'return', reason: one }).ok).toBe(false);
    expect(reversalReasonProblem('字'.repeat(pointsLimits.reasonMin - 1))).toBeDefined();
    expect(validate(ReversalInput, { reason: '字'.repeat(pointsLimits.reasonMin - 1) }).ok).toBe(false);
    expect(validate(ReversalInput, { reason: '字'.repeat(pointsLimits.reasonMin) }).ok).toBe(true);
  });
});
