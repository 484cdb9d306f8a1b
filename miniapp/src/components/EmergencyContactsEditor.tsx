import { Text, View } from '@tarojs/components';
import type { EmergencyContact } from '@/services/types';
import { MAX_EMERGENCY_CONTACTS } from '@/services/member-form';
import { BigButton } from './BigButton';
import { TextField } from './TextField';
import { memberLimits } from '@ltx/shared/limits';

interface Props {
  contacts: EmergencyContact[];
  onChange: (contacts: EmergencyContact[]) => void;
  /** Looks up the message for a path such as `sensitive.emergencyContacts.0.phone`. */
  errorAt: (path: string) => string | undefined;
}

/** Up to three people to call, each added and removed with a plain button. */
export function EmergencyContactsEditor({ contacts, onChange, errorAt }: Props) {
  const update = (i: number, patch: Partial<EmergencyContact>) =>
    onChange(contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <View className='field'>
      <Text className='field__label'>紧急联系人（最多 {MAX_EMERGENCY_CONTACTS} 位）</Text>
      {contacts.map((c, i) => {
        const at = `sensitive.emergencyContacts.${i}`;
        return (
          <View key={i} className='section'>
            <Text className='text strong'>第 {i + 1} 位</Text>
            <TextField label='姓名' value={c.name} maxlength={memberLimits.emergencyContactName} onChange={(name) => update(i, { name })} error={errorAt(`${at}.name`)} />
            <TextField label='与本人关系' hint='如：儿子、女儿、老伴' value={c.relation} maxlength={memberLimits.emergencyContactRelation} onChange={(relation) => update(i, { relation })} error={errorAt(`${at}.relation`)} />
            <TextField label='电话' type='number' value={c.phone} maxlength={11} onChange={(phone) => update(i, { phone })} error={errorAt(`${at}.phone`)} />
            <BigButton variant='secondary' onClick={() => onChange(contacts.filter((_, j) => j !== i))}>
              删除第 {i + 1} 位紧急联系人
            </BigButton>
          </View>
        );
      })}
      {contacts.length < MAX_EMERGENCY_CONTACTS ? (
        <BigButton variant='secondary' onClick={() => onChange([...contacts, { name: '', relation: '', phone: '' }])}>
          添加紧急联系人
        </BigButton>
      ) : null}
    </View>
  );
}
