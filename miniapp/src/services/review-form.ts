import type { Attachment, ReviewInput } from './types';
import { isBlank, isoFromParts, partsFromIso, type DateParts } from './date-parts';
import { addChinaDays } from '@ltx/shared/time/china-day';
import { inspectionLimits } from '@ltx/shared/limits';

/** One rectification item being written: what to put right, and by when (three number boxes). */
export interface ItemDraft {
  /** Stable while the list changes, for React keys and error lookup. */
  key: string;
  what: string;
  deadline: DateParts;
}

export interface ReviewFormState {
  opinion: string;
  items: ItemDraft[];
}

export interface ReviewErrors {
  opinion?: string;
  /** By draft key. */
  items?: Record<string, { what?: string; deadline?: string }>;
  other?: string;
}

/** A month from today, as the boxes' first guess: the inspector changes it when needed. */
export function defaultDeadline(today: string): DateParts {
  return partsFromIso(addChinaDays(today, 30));
}

let counter = 0;
export function newItem(today: string): ItemDraft {
  counter += 1;
  return { key: `item-${counter}`, what: '', deadline: defaultDeadline(today) };
}

export const emptyReview: ReviewFormState = { opinion: '', items: [] };

const textProblem = (title: string, text: string, max: number) => {
  const t = text.trim();
  if (!t) return `${title}：请填写`;
  if (t.length < inspectionLimits.textMin) return `${title}：至少写 ${inspectionLimits.textMin} 个字`;
  if (t.length > max) return `${title}：最多 ${max} 个字`;
  return undefined;
};

/** The form as the API's ReviewInput, or the Chinese message for each box that is wrong. */
export function toReviewInput(period: string, form: ReviewFormState): { ok: true; value: ReviewInput } | { ok: false; errors: ReviewErrors } {
  const errors: ReviewErrors = {};
  const opinion = textProblem('督导意见', form.opinion, inspectionLimits.opinion);
  if (opinion) errors.opinion = opinion;
  const items: ReviewInput['items'] = [];
  for (const draft of form.items) {
    const what = textProblem('整改事项', draft.what, inspectionLimits.itemWhat);
    const deadline = isBlank(draft.deadline) ? null : isoFromParts(draft.deadline);
    const deadlineProblem = isBlank(draft.deadline) ? '整改期限：请填写年、月、日' : deadline ? undefined : '整改期限：没有这一天，请检查年、月、日';
    if (what || deadlineProblem) {
      errors.items = { ...errors.items, [draft.key]: { ...(what ? { what } : {}), ...(deadlineProblem ? { deadline: deadlineProblem } : {}) } };
    } else {
      items.push({ what: draft.what.trim(), deadline: deadline as string });
    }
  }
  if (form.items.length > inspectionLimits.items) errors.other = `整改事项：一次最多 ${inspectionLimits.items} 项`;
  if (errors.opinion || errors.items || errors.other) return { ok: false, errors };
  return { ok: true, value: { period, opinion: form.opinion.trim(), items } };
}

/** The API's paths (opinion, items.0.deadline) onto the form's boxes. */
export function reviewErrorsFromApi(fields: Record<string, string>, form: ReviewFormState): ReviewErrors {
  const out: ReviewErrors = {};
  const add = (prev: string | undefined, message: string) => (prev ? `${prev}；${message}` : message);
  for (const [path, message] of Object.entries(fields)) {
    const [head, index, leaf] = path.split('.');
    const key = head === 'items' && index !== undefined ? form.items[Number(index)]?.key : undefined;
    if (head === 'opinion') out.opinion = add(out.opinion, message);
    else if (key && (leaf === 'what' || leaf === 'deadline')) {
      const prev = out.items?.[key] ?? {};
      out.items = { ...out.items, [key]: { ...prev, [leaf]: add(prev[leaf], message) } };
    } else out.other = add(out.other, message);
  }
  return out;
}

/** Why a return cannot be sent yet (the reason is required), or undefined. */
export const returnReasonProblem = (reason: string) => textProblem('退回原因', reason, inspectionLimits.returnReason);

/** The secretary's answer: 整改情况 is required; photos of the evidence are optional. */
export function toAnswer(text: string, evidence: readonly Attachment[]): { ok: true; value: { action: 'answer'; text: string; evidence: Attachment[] } } | { ok: false; error: string } {
  const problem = textProblem('整改情况', text, inspectionLimits.answer);
  if (problem) return { ok: false, error: problem };
  if (evidence.length > inspectionLimits.evidence) return { ok: false, error: `佐证材料：最多 ${inspectionLimits.evidence} 件` };
  return { ok: true, value: { action: 'answer', text: text.trim(), evidence: evidence.map((e) => ({ uploadId: e.uploadId, name: e.name })) } };
}
