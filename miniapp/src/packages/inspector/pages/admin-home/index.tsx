import { Text, View } from '@tarojs/components';
import { openPage } from '@/adapters/navigation';
import { useReloadOnReturn } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { LogoutButton } from '@/components/LogoutButton';
import { FooterLinks } from '@/components/FooterLinks';
import { useApi } from '@/hooks/api-context';
import { useAsync } from '@/hooks/use-async';
import { useMe } from '@/hooks/use-me';
import { useStaff } from '@/hooks/use-staff';
import { whenText } from '@/services/session-time';
import { may } from '@/services/permissions';
import { pages, withQuery } from '@/services/routes';
import type { OrgDetail } from '@/services/types';

/**
 * The administrator's first page: their part of the tree two levels down (child organisations with
 * their branches, 已撤销 marked), who holds which role where, and the invites not yet taken up with
 * their codes; the compliance, staff and tree pages are one tap away.
 */
export default function AdminHomePage() {
  const api = useApi();
  const me = useMe();
  const orgId = may(me.data, 'org.read') ? (me.data?.orgId ?? null) : null;
  // The organisation and, beside it, each child's own children and branches: one request per child.
  const tree = useAsync(async () => {
    const top = await api.org(orgId as string);
    const children = await Promise.all(top.children.map((c) => api.org(c.id)));
    return { top, children };
  }, orgId);
  const staff = useStaff(may(me.data, 'staff.list') ? (me.data?.orgId ?? undefined) : undefined);
  useReloadOnReturn(() => {
    tree.reload();
    staff.reload();
  });

  return (
    <ElderPage title={me.data?.orgName ? `${me.data.orgName} 管理` : '管理首页'}>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      {me.data && !me.data.orgId ? <Text className='text'>您的账号还没有所属组织，请联系上级管理员。</Text> : null}

      <BigButton onClick={() => openPage(pages.compliance)}>各支部达标情况</BigButton>
      <BigButton variant='secondary' onClick={() => openPage(pages.orgTree)}>
        设立支部和下级组织
      </BigButton>
      <BigButton variant='secondary' onClick={() => openPage(pages.staff)}>
        邀请工作人员
      </BigButton>
      <BigButton variant='secondary' onClick={() => openPage(pages.orgRules)}>
        开会次数和积分的规定
      </BigButton>

      <View className='section'>
        <Text className='h2'>组织架构</Text>
        <LoadState loading={tree.loading} error={tree.error} onRetry={tree.reload} />
        {tree.data ? <OrgTreeText top={tree.data.top} subs={tree.data.children} /> : null}
      </View>

      <View className='section'>
        <LoadState loading={staff.loading} error={staff.error} onRetry={staff.reload} />
        {staff.data ? (
          <>
            <Text className='h2'>工作人员（{staff.data.staff.length} 人）</Text>
            {staff.data.staff.map((s) => (
              <View key={s.userId} className='row row--plain'>
                <Text className='row__title'>{s.name}</Text>
                <Text className='text'>{s.roleText}</Text>
                <Text className='text text--muted'>{s.scopeText}</Text>
              </View>
            ))}
            <Text className='h2'>待接受的邀请（{staff.data.pendingInvites.length} 个）</Text>
            {staff.data.pendingInvites.length === 0 ? <Text className='text'>没有待接受的邀请。</Text> : null}
            {staff.data.pendingInvites.map((i) => (
              <View key={i.code} className='row row--plain'>
                <Text className='row__title'>{i.name}</Text>
                <Text className='text'>{i.scopeText}的{i.roleText}</Text>
                <Text className='text'>邀请码 {i.code}</Text>
                <Text className='text text--muted'>有效期至 {whenText(i.expiresAt)}</Text>
              </View>
            ))}
          </>
        ) : null}
      </View>

      <View className='section'>
        <Text className='h2'>花名册导入</Text>
        <Text className='text'>各支部的花名册由支部书记在本支部“党员名单”页中从 Excel 导入。</Text>
      </View>

      <BigButton variant='secondary' onClick={() => openPage(pages.branches)}>
        各支部人数概况
      </BigButton>
      <FooterLinks me={me.data} />
      <LogoutButton />
    </ElderPage>
  );
}

/** A branch's line: its name, then its members or that it was closed. */
function branchText(b: OrgDetail['branches'][number]): string {
  return b.closed ? `${b.name}（${b.closed.text}）` : `${b.name}（党员 ${b.memberCount} 人）`;
}

/** The organisation, its branches, and each child organisation with its own branches; a tap opens the tree page there. */
function OrgTreeText({ top, subs }: { top: OrgDetail; subs: OrgDetail[] }) {
  return (
    <View>
      <Text className='text strong'>{[top.name, top.kindText, top.closed?.text].filter(Boolean).join('，')}</Text>
      {top.branches.map((b) => (
        <Text key={b.id} className='text'>
          直属支部：{branchText(b)}
        </Text>
      ))}
      {subs.map((c) => (
        <View key={c.id} className='row row--plain'>
          <Text className='row__title'>{c.closed ? `${c.name}（${c.closed.text}）` : c.name}</Text>
          <Text className='text text--muted'>
            {c.kindText}，下级组织 {c.children.length} 个，支部 {c.branches.length} 个
          </Text>
          {c.branches.map((b) => (
            <Text key={b.id} className='text'>
              {branchText(b)}
            </Text>
          ))}
          <BigButton variant='secondary' onClick={() => openPage(withQuery(pages.orgTree, { org: c.id }))}>
            打开{c.name}
          </BigButton>
        </View>
      ))}
      {subs.length === 0 && top.branches.length === 0 ? <Text className='text'>还没有下级组织和支部。</Text> : null}
    </View>
  );
}
