import { Text, View } from '@tarojs/components';
import type { BranchCompliance } from '@/services/types';
import { complianceLines, shortfallHeadline, signoffText } from '@/services/inspection-words';
import { BigButton } from './BigButton';

/**
 * One branch for the inspector: its shortfalls in words at the top, then every indicator with
 * ✓ or ✗ and a word, the sign-off, and the way into its ledger. Counts only, never names.
 */
export function ComplianceCard({ branch, onOpen }: { branch: BranchCompliance; onOpen: () => void }) {
  const short = branch.shortfalls.length > 0;
  return (
    <View className={short ? 'row row--warning compliance' : 'row compliance'}>
      <Text className='row__title'>{branch.branchName}</Text>
      <Text className={short ? 'banner banner--warning banner--status' : 'banner banner--ok banner--status'}>{shortfallHeadline(branch)}</Text>
      {short ? (
        <View className='shortfalls'>
          {branch.shortfalls.map((s) => (
            <Text key={s} className='text strong indicator--short'>{`✗ ${s}`}</Text>
          ))}
        </View>
      ) : null}
      <Text className='text strong spaced-top'>各项指标</Text>
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
  );
}
