import { View } from '@tarojs/components';
import { BigButton } from './BigButton';

interface Props<T extends string> {
  tabs: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

/** Parts of a long page as big buttons, two to a row; the open part is filled and ticked. */
export function SectionTabs<T extends string>({ tabs, value, onChange }: Props<T>) {
  return (
    <View className='tabs'>
      {tabs.map((t) => (
        <BigButton key={t.value} variant={t.value === value ? 'selected' : 'secondary'} onClick={() => onChange(t.value)}>
          {t.value === value ? `✓ ${t.label}` : t.label}
        </BigButton>
      ))}
    </View>
  );
}
