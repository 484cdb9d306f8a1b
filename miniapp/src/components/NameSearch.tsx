import { TextField } from './TextField';

/** The search box over a long list of people: part of a name, or its pinyin initials. */
export function NameSearch({ value, onChange, label = '查找党员' }: { value: string; onChange: (v: string) => void; label?: string }) {
  return <TextField label={label} hint='输入姓名中的字，或拼音首字母（如 王建国 输入 wjg）' value={value} maxlength={20} onChange={onChange} />;
}
