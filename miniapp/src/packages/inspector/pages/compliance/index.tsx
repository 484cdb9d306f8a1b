import { Text } from '@tarojs/components';
import { useState } from 'react';
import { openPage } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ComplianceCard } from '@/components/ComplianceCard';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { PeriodChooser } from '@/components/PeriodChooser';
import { useCompliance } from '@/hooks/use-inspection';
import { useMe } from '@/hooks/use-me';
import { periodChoices, periodHeading, todayInChina } from '@/services/inspection-periods';
import { may } from '@/services/permissions';
import { pages, withQuery } from '@/services/routes';
import { LogoutButton } from '@/components/LogoutButton';
import { FooterLinks } from '@/components/FooterLinks';

/**
 * The inspector's first page: the branches at a glance under a one-line period switch, the ones
 * that fall short first (the server sorts), each in one or two lines with its details a tap away.
 */
export default function CompliancePage() {
  const me = useMe();
  const [today] = useState(() => todayInChina());
  const choices = periodChoices(today);
  const [period, setPeriod] = useState(choices[0]!.period);
  const compliance = useCompliance(me.data?.orgId, period);
  useReloadOnReturn(compliance.reload);

  const view = compliance.data?.period === period ? compliance.data : undefined;
  const shortCount = view?.branches.filter((b) => b.shortfalls.length > 0).length ?? 0;
  return (
    <ElderPage title={me.data?.orgName ? `${me.data.orgName} 督导` : '各支部达标情况'}>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !me.data.orgId ? <Text className='text'>您的账号还没有所属组织，请联系管理员。</Text> : null}
      <PeriodChooser choices={choices} value={period} onChange={setPeriod} heading={periodHeading(period, today)} />
      <LoadState loading={compliance.loading && !view} error={compliance.error} onRetry={compliance.reload} />
      {view ? (
        <Text className='text strong'>
          {view.branches.length === 0
            ? '还没有支部。'
            : shortCount
              ? `共 ${view.branches.length} 个支部，${shortCount} 个有不足，排在前面；点一个支部看各项。`
              : `共 ${view.branches.length} 个支部，各项都达标。`}
        </Text>
      ) : null}
      {view?.branches.map((b) => (
        <ComplianceCard key={b.branchId} branch={b} onOpen={() => openPage(withQuery(pages.ledger, { branch: b.branchId, period }))} />
      ))}

      <BigButton variant='secondary' onClick={() => openPage(pages.branches)}>
        各支部人数概况
      </BigButton>
      {may(me.data, 'org.read') ? (
        <BigButton variant='secondary' onClick={() => openPage(pages.orgTree)}>
          组织架构
        </BigButton>
      ) : null}
      {may(me.data, 'staff.list') ? (
        <BigButton variant='secondary' onClick={() => openPage(pages.staff)}>
          工作人员和邀请
        </BigButton>
      ) : null}
      <FooterLinks me={me.data} />
      <LogoutButton />
    </ElderPage>
  );
}
