import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { pressable } from '@/adapters/pressable';
import type { BranchCompliance } from '@/services/types';
import { branchGlance, complianceLines, signoffText } from '@/services/inspection-words';
import { BigButton } from './BigButton';

/**
 * One branch for the inspector at a glance, in one or two lines: ✓ and its name, or ✗ and what is
 * short. A tap opens every indicator (each shortfall is one of them, so none is said twice), the
 * sign-off and the way into its ledger. Counts only, never names.
 */
export function ComplianceCard({ branch, onOpen }: { branch: BranchCompliance; onOpen: () => void }) {
  const [open, setOpen] = useState(false);
  const glance = branchGlance(branch);
  return (
    <View className={glance.short ? 'row row--warning compliance compliance--glance' : 'row compliance compliance--glance'}>
      <View className='compliance__head' {...pressable(() => setOpen(!open), `${branch.branchName}：${glance.line}，${open ? '收起' : '点开看各项指标'}`)}>
        <Text className='row__title'>{`${glance.short ? '✗' : '✓'} ${branch.branchName}`}</Text>
        <View className='compliance__line'>
          {/* Open, the indicators below say it: the glance line steps aside so nothing is said twice. */}
          {open ? <Text className='text'>各项指标：</Text> : <Text className={glance.short ? 'text strong indicator--short' : 'text'}>{glance.line}</Text>}
          <Text className='row__hint compliance__more'>{open ? '收起' : '详情 ›'}</Text>
        </View>
      </View>
      {open ? (
        <View className='compliance__details'>
          {complianceLines(branch).map((l) => (
            <Text key={l.text} className={l.short ? 'text indicator indicator--short' : 'text indicator'}>
              {l.text}
            </Text>
          ))}
          <Text className='text strong spaced-top'>{`${branch.signedOff ? '✓ ' : '○ '}${signoffText(branch.signedOff)}`}</Text>
          <BigButton variant='secondary' onClick={onOpen}>
            {`查看台账：${branch.branchName}`}
          </BigButton>
        </View>
      ) : null}
    </View>
  );
}
