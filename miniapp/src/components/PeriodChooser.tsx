import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PeriodChoice } from '@/services/inspection-periods';
import { pressable } from '@/adapters/pressable';
import { SectionTabs } from './SectionTabs';

interface Props {
  choices: readonly PeriodChoice[];
  value: string;
  onChange: (period: string) => void;
  /** The chosen period in words, e.g. "2026年10月（上个月）". */
  heading: string;
}

/**
 * The period as a compact switch: one line saying which period is shown, itself the button to change it,
 * so the branches come first (a tap on the line opens the choices). The six choices (本月 / 上个月, 本季度 / 上季度, 本年 / 去年) open on a tap.
 */
export function PeriodChooser({ choices, value, onChange, heading }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <View className='period-switch'>
      <View className='period-switch__now' {...pressable(() => setOpen(!open), `正在查看：${heading}。${open ? '收起' : '换一个期间'}`)}>
        <Text className='text strong'>{heading}</Text>
        <Text className='period-switch__change'>{open ? '收起' : '换期间 ›'}</Text>
      </View>
      {open ? (
        <SectionTabs
          tabs={choices.map((c) => ({ value: c.period, label: c.label }))}
          value={value}
          onChange={(p) => {
            onChange(p);
            setOpen(false);
          }}
        />
      ) : null}
    </View>
  );
}
