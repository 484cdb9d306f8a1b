import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { openPage } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { SectionTabs } from '@/components/SectionTabs';
import { useMe } from '@/hooks/use-me';
import { useBranchPoints } from '@/hooks/use-points';
import { branchRowText, pointsOffNotice, thisYear } from '@/services/points-view';
import { pages, withQuery } from '@/services/routes';
import { deviceNow } from '@/adapters/clock';
import { pressable } from '@/adapters/pressable';
import { NameSearch } from '@/components/NameSearch';
import { nameMatches } from '@ltx/shared/domain/name-order';
import { foldFrom } from '@/services/name-list';

/**
 * The branch's points for the year, by name only: a record, not a ranking (国办函〔2026〕12号 forbids rankings in
 * government apps, so there is no order by points); tap a member for the entries.
 */
export default function BranchPointsPage() {
  const me = useMe();
  const current = useMemo(() => thisYear(deviceNow()), []);
  const [year, setYear] = useState(current);
  const table = useBranchPoints(me.data?.branchId, year);
  const [query, setQuery] = useState('');
  // The server sends the table in pinyin order; the search keeps that order.
  const found = table.data?.rows.filter((r) => nameMatches(r.name, query));
  useReloadOnReturn(table.reload);
  const years = [
    { value: String(current), label: `${current}年` },
    { value: String(current - 1), label: `${current - 1}年` },
  ];
  return (
    <ElderPage title={me.data?.branchName ? `${me.data.branchName} 党员积分` : '党员积分'}>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      <SectionTabs tabs={years} value={String(year)} onChange={(y) => setYear(Number(y))} />
      <LoadState loading={table.loading && !table.data} error={table.error} onRetry={table.reload} />
      {table.data && !table.data.enabled ? <Text className='banner'>{pointsOffNotice}</Text> : null}
      {table.data ? (
        <Text className='text spaced-top'>
          {table.data.year}年，共 {table.data.rows.length} 人。点一位党员，查看明细、记分或更正。
        </Text>
      ) : null}
      {table.data && table.data.rows.length >= foldFrom ? <NameSearch value={query} onChange={setQuery} nothingFound={found?.length === 0} /> : null}
      {found?.map((r) => (
        <View key={r.memberId} className='row' hoverClass='row--plain' {...pressable(() => openPage(withQuery(pages.memberPoints, { id: r.memberId, year: String(year) })))}>
          <Text className='row__title'>{r.name}</Text>
          <Text className='text text--large strong'>{branchRowText(r)}</Text>
          <Text className='row__hint'>点此查看明细、记分 ›</Text>
        </View>
      ))}
    </ElderPage>
  );
}
