import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { healthConsentTerms } from '@ltx/shared/domain/consent';
import type { HealthConsentPage } from '@/services/health-consent';
import type { Me } from '@/services/types';
import { meOf } from './me';
import { pageHarness, type Route } from './harness';

vi.mock('@/adapters/navigation', () => ({ openPage: vi.fn(), replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn() }));
const params = vi.hoisted(() => ({ values: {} as Record<string, string | undefined> }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: (name: string) => params.values[name], useReloadOnReturn: () => {} }));
const files = vi.hoisted(() => ({ sent: 0 }));
vi.mock('@/adapters/files', () => ({
  pickPhoto: async () => ({ name: '同意书.jpg', size: 2048, contentType: 'image/jpeg', path: 'wxfile://tmp/form.jpg' }),
  sendFile: async () => (files.sent++, 204),
}));

const { default: HealthConsentScreen } = await import('@/packages/me/pages/health-consent/index');

const terms = { version: healthConsentTerms.version, title: healthConsentTerms.title, points: [...healthConsentTerms.points] };
const member: Me = meOf({ userId: 'u-wang', role: 'member', displayName: '王建国', orgId: 'o1', branchId: 'b1', memberId: 'm1', memberName: '王建国' });
const proxy: Me = meOf({ userId: 'u-liu', role: 'proxy', displayName: '刘芳', orgId: 'o1', branchId: 'b1', memberId: 'm2', memberName: '李秀英' });
const secretary: Me = meOf({ userId: 'u-sec', role: 'secretary', displayName: '张卫东', orgId: 'o1', branchId: 'b1' });

/** A stand-in of the consent routes that remembers what was given and withdrawn. */
function consentApi(memberId: string, memberName: string) {
  let page: HealthConsentPage = {
    memberId, memberName, terms, history: [],
    reads: [{ day: '2026-11-30', readerText: '张卫东（支部书记）', purposeText: '查看党员信息', count: 2 }],
  };
  const sent: { url: string; body: unknown; key?: string }[] = [];
  const route: Route = (req) => {
    const base = `/api/v1/members/${memberId}/health-consent`;
    if (req.method === 'GET' && req.url === base) return { status: 200, body: page };
    if (req.method === 'POST' && (req.url === base || req.url === `${base}/withdraw`)) {
      sent.push({ url: req.url, body: req.body, key: req.headers['Idempotency-Key'] });
      const kind = req.url === base ? 'given' : 'withdrawn';
      const way = (req.body as { paperFormUploadId?: string }).paperFormUploadId ? 'secretary_paper' : memberId === 'm2' ? 'proxy' : 'member';
      const at = '2026-12-01T01:30:00.000Z';
      page = {
        ...page,
        ...(kind === 'given' ? { consent: { termsVersion: terms.version, givenAt: at, way } } : { consent: undefined }),
        history: [...page.history, { kind, at, way, byText: way === 'member' ? '本人' : way === 'proxy' ? '家属' : '张卫东（支部书记）' }],
      };
      if (kind === 'withdrawn') delete page.consent;
      return { status: 200, body: page };
    }
    return undefined;
  };
  return { route, sent };
}

const { renderWith } = pageHarness();
const ticket: Route = (req) =>
  req.method === 'POST' && req.url === '/api/v1/uploads' ? { status: 201, body: { uploadId: 'up-form', url: 'http://x/u', method: 'POST', fields: {}, fileField: 'file', expiresAt: '2026-12-01T02:00:00.000Z' } } : undefined;

beforeEach(() => {
  params.values = {};
  files.sent = 0;
});

describe('the member’s consent to keep health data', () => {
  it('shows the words in full, agrees in one tap, and withdraws in two (the button, then the question)', async () => {
    const api = consentApi('m1', '王建国');
    renderWith(<HealthConsentScreen />, member, api.route);
    await waitFor(() => expect(screen.getByText(healthConsentTerms.title)).toBeTruthy());
    for (const point of healthConsentTerms.points) expect(screen.getByText(new RegExp(point.slice(0, 12)))).toBeTruthy();
    expect(screen.getByText(/您还没有同意保存健康和照护信息/)).toBeTruthy();
    expect(screen.getByText('2026年11月30日 张卫东（支部书记）查看党员信息 2 次')).toBeTruthy();

    fireEvent.click(screen.getByText('我同意'));
    await waitFor(() => expect(screen.getByText('已登记同意。')).toBeTruthy());
    expect(api.sent[0]).toMatchObject({ url: '/api/v1/members/m1/health-consent', body: { termsVersion: healthConsentTerms.version } });
    expect(screen.getByText(/您已于 .* 同意保存健康和照护信息（本人在小程序里同意）/)).toBeTruthy();
    expect(screen.queryByText('我同意')).toBeNull();

    // The first tap only asks; nothing is sent until the second.
    fireEvent.click(screen.getByText('撤回同意'));
    expect(screen.getByText(/撤回后，您的健康状况、照护提示和紧急联系人马上删除/)).toBeTruthy();
    expect(api.sent).toHaveLength(1);
    fireEvent.click(screen.getByText('不撤回'));
    expect(screen.queryByText(/撤回后，您的/)).toBeNull();
    fireEvent.click(screen.getByText('撤回同意'));
    fireEvent.click(screen.getByText('确定撤回'));
    await waitFor(() => expect(screen.getByText('已撤回同意，健康和照护信息已删除。')).toBeTruthy());
    expect(api.sent[1]?.url).toBe('/api/v1/members/m1/health-consent/withdraw');
    expect(screen.getByText(/您还没有同意/)).toBeTruthy();
    expect(screen.getAllByText(/（本人）$/)).toHaveLength(2);

    // Agreeing again is a new record: a new Idempotency-Key, not a replay of the first.
    fireEvent.click(screen.getByText('我同意'));
    await waitFor(() => expect(api.sent).toHaveLength(3));
    expect(api.sent[2]?.key).not.toBe(api.sent[0]?.key);
  });

  it('lets the family proxy agree for the member, saying so', async () => {
    const api = consentApi('m2', '李秀英');
    renderWith(<HealthConsentScreen />, proxy, api.route);
    await waitFor(() => expect(screen.getByText('您在代 李秀英 办理')).toBeTruthy());
    expect(screen.getByText(/李秀英还没有同意/)).toBeTruthy();
    fireEvent.click(screen.getByText('我代李秀英同意'));
    await waitFor(() => expect(screen.getByText(/李秀英已于 .*（家属代本人在小程序里同意）/)).toBeTruthy());
  });

  it('has the secretary record a signed paper form with its photo, never a tick', async () => {
    params.values = { id: 'm3' };
    const api = consentApi('m3', '赵桂英');
    renderWith(<HealthConsentScreen />, secretary, api.route, ticket);
    await waitFor(() => expect(screen.getByText(/赵桂英还没有同意/)).toBeTruthy());
    expect(screen.queryByText('我同意')).toBeNull();
    fireEvent.click(screen.getByText('拍照登记签字的同意书'));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(files.sent).toBe(1);
    expect(api.sent[0]?.body).toMatchObject({ termsVersion: healthConsentTerms.version, paperFormUploadId: 'up-form' });
    await waitFor(() => expect(screen.getByText(/（本人签字同意，书记登记）/)).toBeTruthy());
  });
});
