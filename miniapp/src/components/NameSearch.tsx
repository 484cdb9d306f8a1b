import { Text, View } from '@tarojs/components';
import { TextField } from './TextField';

interface Props {
  value: string;
  onChange: (v: string) => void;
  /** Nobody matches what was typed: said under the box, with what to try. */
  nothingFound?: boolean;
  label?: string;
}

/** The search box over a long list of people: part of a name, or its pinyin initials. */
export function NameSearch({ value, onChange, nothingFound = false, label = '查找党员' }: Props) {
  const typed = value.trim();
  return (
    <View>
      <TextField label={label} hint='输入姓名中的字，或拼音首字母（如 王建国 输入 wjg）' value={value} maxlength={20} onChange={onChange} />
      {typed && nothingFound ? <Text className='text'>没有找到“{typed}”。请换个写法再找。</Text> : null}
    </View>
  );
}
