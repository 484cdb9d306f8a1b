import { Text, View } from '@tarojs/components';
import { openPage } from '@/adapters/navigation';
import { usePageParam, useReloadOnReturn } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { MemberRow } from '@/components/MemberRow';
import { useMe } from '@/hooks/use-me';
import { useMembers } from '@/hooks/use-members';
import { homeFor, pages, withQuery } from '@/services/routes';
import { may } from '@/services/permissions';
import { LogoutButton } from '@/components/LogoutButton';
import { departureFact, splitRoll } from '@/services/departure-words';
import { pressable } from '@/adapters/pressable';
import { useState } from 'react';
import { NameSearch } from '@/components/NameSearch';
import { nameMatches } from '@ltx/shared/domain/name-order';
import { foldFrom } from '@/services/name-list';

/** The branch's roll for the secretary and paired contacts; an administrator or inspector comes from the tree page with the branch named. */
export default function MembersPage() {
  const me = useMe();
  const branchId = usePageParam('branch') ?? me.data?.branchId;
  const branchName = usePageParam('name') ?? me.data?.branchName;
  const members = useMembers(branchId);
  useReloadOnReturn(members.reload);
  const roll = members.data ? splitRoll(members.data) : undefined;
  const [query, setQuery] = useState('');
  // The server sends the roll in pinyin order; the search keeps it.
  const found = roll?.active.filter((m) => nameMatches(m.name, query));
  // The secretary reaches the sessions from the branch home; others who may read them (a paired contact) from here.
  const sessionsLink = !!me.data && may(me.data, 'session.list') && homeFor(me.data.role) !== pages.branchHome;

  return (
    <ElderPage title={branchName ? `${branchName} 党员名单` : '党员名单'}>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !branchId ? <Text className='text'>您的账号还没有所属支部，请联系管理员。</Text> : null}
      {may(me.data, 'member.create') ? <BigButton onClick={() => openPage(pages.memberEdit)}>＋ 新增党员</BigButton> : null}
      {may(me.data, 'roster.import') && me.data?.branchId ? (
        <BigButton variant='secondary' onClick={() => openPage(pages.rosterImport)}>
          从 Excel 导入或导出花名册
        </BigButton>
      ) : null}
      {sessionsLink ? (
        <BigButton variant='secondary' onClick={() => openPage(pages.sessions)}>
          组织生活记录
        </BigButton>
      ) : null}
      <LoadState loading={members.loading && !members.data} error={members.error} onRetry={members.reload} />
      {roll ? <Text className='text spaced-top'>共 {roll.active.length} 人</Text> : null}
      {roll && roll.active.length >= foldFrom ? <NameSearch value={query} onChange={setQuery} nothingFound={found?.length === 0} /> : null}
      {found?.map((m) => (
        <MemberRow key={m.id} member={m} onOpen={() => openPage(withQuery(pages.memberDetail, { id: m.id }))} />
      ))}
      {/* Those who died or left the branch, apart from the roll, with the day. */}
      {roll?.sections.map((section) => (
        <View key={section.title} className='section'>
          <Text className='h2'>{section.title}</Text>
          {section.members.map((m) =>
            // A member transferred out is the receiving branch's now: their history here stays in the sessions and ledgers.
            m.departure?.toBranchName ? (
              <View key={m.id} className='row row--plain'>
                <Text className='row__title'>{m.name}</Text>
                <Text className='text'>{departureFact(m.departure)}（已转出，转至{m.departure.toBranchName}）</Text>
              </View>
            ) : (
              <View key={m.id} className='row' hoverClass='row--plain' {...pressable(() => openPage(withQuery(pages.memberDetail, { id: m.id })))}>
                <Text className='row__title'>{m.name}</Text>
                <Text className='text'>{m.departure ? departureFact(m.departure) : ''}{m.deletedOn ? '，个人信息已删除' : ''}</Text>
                <Text className='row__hint'>点此查看详情 ›</Text>
              </View>
            ),
          )}
        </View>
      ))}
      <LogoutButton />
    </ElderPage>
  );
}
