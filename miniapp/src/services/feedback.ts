import { feedbackKindLabels, feedbackStatusLabels } from '@ltx/shared/labels';
import { feedbackLimits } from '@ltx/shared/limits';
import { roleLabels } from '@ltx/shared/domain/roles';
import type { Choice } from '@/components/ChoiceField';
import { whenText } from './session-time';
import type { Feedback, FeedbackInput, FeedbackKind } from './types';

/** 意见反馈 in words, and the write form's check: platform-free, so the pages stay thin and this is tested under DOM. */

// From the labels, not the schema's list: the schema would bring zod into the weapp bundle.
export const feedbackKindChoices: readonly Choice<FeedbackKind>[] = (Object.keys(feedbackKindLabels) as FeedbackKind[]).map((k) => ({ value: k, label: feedbackKindLabels[k] }));

export const aboutChoices: readonly Choice<'branch' | 'other'>[] = [
  { value: 'branch', label: '是，关于本支部' },
  { value: 'other', label: '不是' },
];

export interface FeedbackForm {
  kind: FeedbackKind | '';
  text: string;
  about: 'branch' | 'other' | '';
}

export const emptyFeedbackForm: FeedbackForm = { kind: '', text: '', about: '' };

/** The form as the API takes it, or the problem of each field in the words the server would use. */
export function toFeedbackInput(form: FeedbackForm): { input?: FeedbackInput; errors: Partial<Record<'kind' | 'text', string>> } {
  const errors: Partial<Record<'kind' | 'text', string>> = {};
  const text = form.text.trim();
  if (!form.kind) errors.kind = '请选择类别：意见建议、投诉或求助';
  if (text.length < feedbackLimits.textMin) errors.text = '请写下您要说的话（至少 2 个字）';
  else if (text.length > feedbackLimits.text) errors.text = `内容最多 ${feedbackLimits.text} 个字`;
  if (errors.kind || errors.text || !form.kind) return { errors };
  return { input: { kind: form.kind, text, ...(form.about ? { aboutBranch: form.about === 'branch' } : {}) }, errors };
}

/** 投诉 · 2026年11月3日 09:30 · 已回复 */
export const feedbackHeading = (f: Feedback) => `${feedbackKindLabels[f.kind]} · ${whenText(f.createdAt)} · ${feedbackStatusLabels[f.status]}`;

/** Who wrote it, as the administrator reads it: 王建国（党员），第一离退休干部党支部. */
export const feedbackSender = (f: Feedback) => `${f.senderName || '一位同志'}（${roleLabels[f.senderRole]}），${f.branchName}${f.aboutBranch ? '，关于本支部的工作' : ''}`;

/** The answer as its reader sees it, or what is still awaited. */
export const feedbackAnswerText = (f: Feedback) =>
  f.answer ? `${f.answeredByName ? `${f.answeredByName}（管理员）` : '管理员'}于 ${whenText(f.answeredAt ?? f.createdAt)} 答复：${f.answer}` : '还没有答复，管理员答复后会显示在这里。';

export function answerProblem(text: string): string | undefined {
  const t = text.trim();
  if (t.length < feedbackLimits.textMin) return '请写下答复（至少 2 个字）';
  if (t.length > feedbackLimits.answer) return `答复最多 ${feedbackLimits.answer} 个字`;
  return undefined;
}
