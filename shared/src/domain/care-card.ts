import { careCardItemLabels, careNoteLabels, type CareCardItem } from '../labels';

/** The items a card shows before its holder chooses: who to call, and who in the branch knows them. */
export const suggestedCareCardShow: Readonly<Record<CareCardItem, boolean>> = {
  address: false, conditions: false, medicines: false, careNotes: false, emergencyContacts: true, contact: true,
};

/** What the card can carry, as its page reads it (schemas/care-card.ts `CareCardPage`). */
export interface CareCardFacts {
  show: Record<CareCardItem, boolean>;
  conditions?: string;
  medicines?: string;
  address?: string;
  careNotes?: { bestVisitTime?: string; hearing?: string; eyesight?: string; dialect?: string; largePrint?: boolean; readAloud?: boolean; other?: string };
  emergencyContacts: readonly { name: string; relation: string; phone: string }[];
  contactName?: string;
}

export interface CareCardLine {
  item: CareCardItem;
  label: string;
  /** One line per contact for emergency contacts; one text otherwise. */
  texts: string[];
}

/** The care notes in a sentence each: "听力：左耳听不清", "需要大字材料". */
function careNoteTexts(notes: NonNullable<CareCardFacts['careNotes']>): string[] {
  const texts: string[] = [];
  for (const key of ['bestVisitTime', 'hearing', 'eyesight', 'dialect', 'other'] as const) {
    const value = notes[key]?.trim();
    if (value) texts.push(`${careNoteLabels[key]}：${value}`);
  }
  if (notes.largePrint) texts.push(careNoteLabels.largePrint);
  if (notes.readAloud) texts.push(careNoteLabels.readAloud);
  return texts;
}

function textsOf(item: CareCardItem, card: CareCardFacts): string[] {
  switch (item) {
    case 'address': return card.address ? [card.address] : [];
    case 'conditions': return card.conditions ? [card.conditions] : [];
    case 'medicines': return card.medicines ? [card.medicines] : [];
    case 'careNotes': return card.careNotes ? careNoteTexts(card.careNotes) : [];
    case 'emergencyContacts': return card.emergencyContacts.map((c) => `${c.name}（${c.relation}）${c.phone}`);
    case 'contact': return card.contactName ? [card.contactName] : [];
  }
}

/**
 * What the printed card says below the name and the branch, in the order of `careCardItemLabels`: the items
 * the holder chose that have something to say. The page and the print page both draw exactly these lines.
 */
export function careCardLines(card: CareCardFacts): CareCardLine[] {
  return (Object.keys(careCardItemLabels) as CareCardItem[])
    .filter((item) => card.show[item])
    .map((item) => ({ item, label: careCardItemLabels[item], texts: textsOf(item, card) }))
    .filter((line) => line.texts.length > 0);
}

/** A chosen item with nothing to print, in words: what the page says beside the tick so nobody wonders why it is missing. */
export function emptyItemReason(item: CareCardItem, healthConsent: boolean): string {
  if ((item === 'conditions' || item === 'medicines') && !healthConsent) return '先同意保存健康信息，才能写这一项';
  if (item === 'careNotes' || item === 'emergencyContacts') return healthConsent ? '支部还没有登记，可请书记补上' : '先同意保存健康信息，支部才能登记这一项';
  if (item === 'contact') return '支部还没有安排结对联系人';
  if (item === 'address') return '支部还没有登记住址';
  return '还没有填写';
}
