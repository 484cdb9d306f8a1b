import { careCardLines, emptyItemReason, type CareCardLine } from '@ltx/shared/domain/care-card';
import { careCardItemLabels, type CareCardItem } from '@ltx/shared/labels';
import { careCardLimits } from '@ltx/shared/limits';
import type { RouteTypes } from '../../../functions/src/api/types';

export type CareCardPage = RouteTypes['GET /api/v1/members/{memberId}/care-card']['response'];
export type CareCardInput = RouteTypes['POST /api/v1/members/{memberId}/care-card']['body'];

/** What the editor holds: one tick per item and the two texts in the member's own words. */
export interface CareCardForm {
  show: Record<CareCardItem, boolean>;
  conditions: string;
  medicines: string;
}

export const careCardItems = Object.keys(careCardItemLabels) as CareCardItem[];

export function formOf(page: CareCardPage): CareCardForm {
  return { show: { ...page.show }, conditions: page.conditions ?? '', medicines: page.medicines ?? '' };
}

/** The card as the form would print it: the page's facts with the form's ticks and texts. */
export function previewLines(page: CareCardPage, form: CareCardForm): CareCardLine[] {
  return careCardLines({ ...page, show: form.show, conditions: form.conditions.trim() || undefined, medicines: form.medicines.trim() || undefined });
}

/** Ticked items that will not print, each with why in words (so nobody wonders where 紧急联系人 went). */
export function missingItems(page: CareCardPage, form: CareCardForm): { label: string; why: string }[] {
  const printed = new Set(previewLines(page, form).map((l) => l.item));
  return careCardItems.filter((item) => form.show[item] && !printed.has(item)).map((item) => ({ label: careCardItemLabels[item], why: emptyItemReason(item, page.healthConsent) }));
}

/** The field errors the server would give, found before sending: Chinese, naming the field. */
export function formErrors(page: CareCardPage, form: CareCardForm): Partial<Record<'conditions' | 'medicines', string>> {
  const errors: Partial<Record<'conditions' | 'medicines', string>> = {};
  for (const key of ['conditions', 'medicines'] as const) {
    const text = form[key].trim();
    if (text && !page.healthConsent) errors[key] = `${careCardItemLabels[key]}：先同意保存健康信息，才能写在卡上`;
    else if (text.length > careCardLimits[key]) errors[key] = `${careCardItemLabels[key]}：最多 ${careCardLimits[key]} 个字，现在 ${text.length} 个字`;
  }
  return errors;
}

export function inputOf(page: CareCardPage, form: CareCardForm): CareCardInput {
  const conditions = form.conditions.trim();
  const medicines = form.medicines.trim();
  return { show: { ...form.show }, ...(conditions ? { conditions } : {}), ...(medicines ? { medicines } : {}), expectedVersion: page.version };
}
