import { Text, View } from '@tarojs/components';
import type { MemberDetail } from '@/services/types';
import { attendanceText, dateText, genderText, healthText, livingText, yesNo } from '@/services/format';
import { whenText } from '@/services/session-time';
import { careNoteLabels, consentWayLabels } from '@ltx/shared/labels';
import { InfoRow } from './InfoRow';

/** Everything the API let this person see about a member, in words. */
export function MemberFacts({ member }: { member: MemberDetail }) {
  const notes = member.sensitive?.careNotes;
  // A deleted member's record keeps what the past ledgers count by, nothing personal: no phone "未填写" or "未绑定" to mislead.
  if (member.deletedOn) {
    return (
      <View>
        <InfoRow label='入党日期' value={dateText(member.joinedPartyOn)} />
        <InfoRow label='党小组' value={member.partyGroup || '未分组'} />
      </View>
    );
  }
  return (
    <View>
      <InfoRow label='性别' value={genderText(member.gender)} />
      <InfoRow label='年龄' value={`${member.age} 岁`} />
      <InfoRow label='出生日期' value={dateText(member.birthDate)} />
      <InfoRow label='入党日期' value={dateText(member.joinedPartyOn)} />
      <InfoRow label='党小组' value={member.partyGroup || '未分组'} />
      <InfoRow label='手机号' value={member.phone ?? member.phoneMasked ?? '未填写'} />
      <InfoRow label='居住情况' value={livingText(member.livingSituation)} />
      {member.livingCity ? <InfoRow label='居住城市' value={member.livingCity} /> : null}
      {member.address ? <InfoRow label='家庭住址' value={member.address} /> : null}
      <InfoRow
        label='参学方式'
        value={`${attendanceText(member.attendanceMode)}${member.attendanceModeOverride ? '（书记指定）' : ''}`}
      />
      <InfoRow label='微信绑定' value={member.bound ? '已绑定' : '未绑定'} />
      {member.sensitive ? (
        <View>
          <Text className='h2'>健康与照护</Text>
          <InfoRow label='健康状况' value={healthText(member.sensitive.healthClass)} />
          {notes?.bestVisitTime ? <InfoRow label={careNoteLabels.bestVisitTime} value={notes.bestVisitTime} /> : null}
          {notes?.hearing ? <InfoRow label={careNoteLabels.hearing} value={notes.hearing} /> : null}
          {notes?.eyesight ? <InfoRow label={careNoteLabels.eyesight} value={notes.eyesight} /> : null}
          <InfoRow label={careNoteLabels.largePrint} value={yesNo(notes?.largePrint)} />
          <InfoRow label={careNoteLabels.readAloud} value={yesNo(notes?.readAloud)} />
          {notes?.dialect ? <InfoRow label={careNoteLabels.dialect} value={notes.dialect} /> : null}
          {notes?.other ? <InfoRow label={careNoteLabels.other} value={notes.other} /> : null}
          {member.sensitive.emergencyContacts.length === 0 ? <InfoRow label='紧急联系人' value='未填写' /> : null}
          {member.sensitive.emergencyContacts.map((c, i) => (
            <InfoRow key={`${c.name}-${i}`} label={`紧急联系人 ${i + 1}`} value={`${c.name}（${c.relation}）${c.phone}`} />
          ))}
        </View>
      ) : null}
      {member.healthConsent ? (
        <Text className='text text--muted'>
          同意保存健康和照护信息：{whenText(member.healthConsent.givenAt)}，{consentWayLabels[member.healthConsent.way]}
        </Text>
      ) : null}
    </View>
  );
}
