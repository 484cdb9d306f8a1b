import { Text, View } from '@tarojs/components';
import type { PeriodChoice } from '@/services/inspection-periods';
import { SectionTabs } from './SectionTabs';

interface Props {
  choices: readonly PeriodChoice[];
  value: string;
  onChange: (period: string) => void;
  /** The chosen period in words, e.g. "2026年10月（上个月）". */
  heading: string;
}

/** 本月 / 上个月, 本季度 / 上季度, 本年 / 去年: six big buttons, the chosen one ticked and said in words. */
export function PeriodChooser({ choices, value, onChange, heading }: Props) {
  return (
    <View>
      <SectionTabs tabs={choices.map((c) => ({ value: c.period, label: c.label }))} value={value} onChange={onChange} />
      <Text className='banner banner--status'>{`正在查看：${heading}`}</Text>
    </View>
  );
}
