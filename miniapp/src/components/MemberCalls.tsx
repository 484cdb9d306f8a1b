import { Text, View } from '@tarojs/components';
import { useMemberCalls } from '@/hooks/use-calls';
import { quietUntilText } from '@/services/call-words';
import { whenText } from '@/services/session-time';
import { CallPanel } from './CallPanel';
import { LoadState } from './LoadState';

/** The member's page, for the one who phones: the number as a one-tap call, "已联系", and who called when. */
export function MemberCalls({ memberId, name, phone }: { memberId: string; name: string; phone?: string }) {
  const calls = useMemberCalls(memberId);
  return (
    <View>
      <Text className='h2'>电话联系</Text>
      <CallPanel memberId={memberId} who={name} phone={phone} askPause onRecorded={calls.reload} />
      <LoadState loading={calls.loading && !calls.data} error={calls.error} onRetry={calls.reload} />
      {calls.data && calls.data.length === 0 ? <Text className='text'>还没有电话联系记录。</Text> : null}
      {calls.data?.map((c) => (
        <View key={c.id} className='row row--plain'>
          <Text className='text strong'>{`${whenText(c.at)}，${c.byName || '工作人员'}已联系`}</Text>
          {c.note ? <Text className='text'>{`备注：${c.note}`}</Text> : null}
          <Text className='text text--muted'>{quietUntilText(c.quietUntil)}</Text>
        </View>
      ))}
    </View>
  );
}
