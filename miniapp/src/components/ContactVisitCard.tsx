import { Text, View } from '@tarojs/components';
import type { ContactVisit } from '@/services/types';
import { careNotesLines, contactStateText, slotText, visitSessionText, windowText } from '@/services/visit-words';
import { BigButton } from './BigButton';
import { InfoRow } from './InfoRow';
import { PhoneButton } from './PhoneButton';

interface Props {
  visit: ContactVisit;
  onCall: (phone: string) => void;
  onDeliver: () => void;
  /** The study material in large print, to print and leave behind; absent: no button. */
  onHandout?: () => void;
  /** The delivery of this visit is kept on the phone (待上传): said in its place, and not recorded twice. */
  keptText?: string;
}

/** One visit for the contact at the door: when, where, how to speak with the member, whom to call. */
export function ContactVisitCard({ visit: v, onCall, onDeliver, onHandout, keptText }: Props) {
  const notes = careNotesLines(v.careNotes, v.memberGender);
  return (
    <View className={v.status === 'scheduled' ? 'row section--visit' : 'row'}>
      <Text className='row__title'>{v.memberName}</Text>
      <Text className='text text--large strong'>{v.scheduled ? windowText(v.scheduled.windowStart, v.scheduled.windowEnd) : `希望${slotText(v.slot)}`}</Text>
      <Text className='text strong'>{contactStateText(v)}</Text>
      {visitSessionText(v) ? <InfoRow label='送学内容' value={visitSessionText(v)!} /> : null}
      <InfoRow label='地址' value={v.address ?? '未登记，请先电话问清楚'} />
      {v.note ? <InfoRow label='申请备注' value={v.note} /> : null}
      <Text className='text strong spaced-top'>照护备注</Text>
      {notes.length ? notes.map((l) => <Text key={l} className='text'>{`· ${l}`}</Text>) : <Text className='text'>没有照护备注。</Text>}
      {v.memberPhone ? <PhoneButton who={v.memberName} phone={v.memberPhone} onCall={onCall} /> : <Text className='text spaced-top'>{v.memberName}没有登记电话。</Text>}
      {v.emergencyContacts.map((c) => (
        <PhoneButton key={`${c.name}-${c.phone}`} who={`${c.relation}${c.name}`} phone={c.phone} onCall={onCall} />
      ))}
      {v.status === 'scheduled' && keptText ? <Text className='banner banner--status'>{keptText}</Text> : null}
      {v.status === 'scheduled' && !keptText ? <BigButton onClick={onDeliver}>记录送学</BigButton> : null}
      {v.sessionId && onHandout ? (
        <BigButton variant='secondary' onClick={onHandout}>
          大字学习材料（可打印留下）
        </BigButton>
      ) : null}
    </View>
  );
}
