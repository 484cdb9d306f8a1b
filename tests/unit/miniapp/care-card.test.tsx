import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { careCardLines } from '@ltx/shared/domain/care-card';
import { formErrors, formOf, inputOf, missingItems, type CareCardPage } from '@/services/care-card';
import type { Me } from '@/services/types';
import { meOf } from './me';
import { pageHarness, type Route } from './harness';

vi.mock('@/adapters/navigation', () => ({ openPage: vi.fn(), replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn() }));
vi.mock('@/adapters/page-hooks', () => ({ usePageParam: () => undefined, useReloadOnReturn: () => {} }));

const { default: CareCardScreen } = await import('@/packages/me/pages/care-card/index');

const member: Me = meOf({ userId: 'u-wang', role: 'member', displayName: '王建国', orgId: 'o1', branchId: 'b1', memberId: 'm1', memberName: '王建国' });
const shown = { address: false, conditions: false, medicines: false, careNotes: false, emergencyContacts: true, contact: true };
const fresh: CareCardPage = {
  memberId: 'm1', memberName: '王建国', branchName: '第一离退休干部党支部', version: 0, show: shown, healthConsent: true,
  address: '幸福路 12 号 3 单元 401', careNotes: { hearing: '左耳听不清', largePrint: true },
  emergencyContacts: [{ name: '王小明', relation: '儿子', phone: '13800001234' }], contactName: '林小红',
};

/** The card route: answers the page and, on a save, the page as the input makes it. */
function cardApi(start: CareCardPage) {
  let page = start;
  const sent: { body: unknown; key?: string }[] = [];
  const route: Route = (req) => {
    if (req.url !== '/api/v1/members/m1/care-card') return undefined;
    if (req.method === 'GET') return { status: 200, body: page };
    const body = req.body as { show: CareCardPage['show']; conditions?: string; medicines?: string; expectedVersion: number };
    sent.push({ body, key: req.headers['Idempotency-Key'] });
    const { conditions: _c, medicines: _m, ...rest } = page;
    page = { ...rest, show: body.show, version: body.expectedVersion + 1, ...(body.conditions ? { conditions: body.conditions } : {}), ...(body.medicines ? { medicines: body.medicines } : {}) };
    return { status: 200, body: page };
  };
  return { route, sent };
}

const inputUnder = (label: string) =>
  waitFor(() => {
    const found = screen.getByText(label).closest('.field')?.querySelector('input');
    if (!found) throw new Error(`no box under ${label}`);
    return found;
  });

const { renderWith } = pageHarness();

describe('the care card’s words', () => {
  it('prints only the ticked items that have something to say, in a fixed order, each in words', () => {
    const lines = careCardLines({ ...fresh, show: { ...shown, careNotes: true, address: true } });
    expect(lines.map((l) => l.label)).toEqual(['住址', '照护提示', '紧急联系人', '结对联系人']);
    expect(lines.find((l) => l.item === 'careNotes')?.texts).toEqual(['听力：左耳听不清', '需要大字材料']);
    expect(lines.find((l) => l.item === 'emergencyContacts')?.texts).toEqual(['王小明（儿子）13800001234']);
    expect(careCardLines({ ...fresh, show: { ...shown, medicines: true } }).some((l) => l.item === 'medicines')).toBe(false);
  });

  it('says why a ticked item will not print, and refuses health words without consent before sending', () => {
    const form = { ...formOf(fresh), show: { ...shown, medicines: true, contact: true } };
    expect(missingItems(fresh, form)).toEqual([{ label: '常用药', why: '还没有填写' }]);
    const noConsent = { ...fresh, healthConsent: false, emergencyContacts: [] };
    expect(missingItems(noConsent, form).map((m) => m.why)).toEqual(['先同意保存健康信息，才能写这一项', '先同意保存健康信息，支部才能登记这一项']);
    expect(formErrors(noConsent, { ...form, medicines: '阿司匹林' }).medicines).toBe('常用药：先同意保存健康信息，才能写在卡上');
    expect(formErrors(fresh, { ...form, conditions: '高'.repeat(101) }).conditions).toBe('身体情况：最多 100 个字，现在 101 个字');
    expect(inputOf(fresh, { ...form, medicines: '  阿司匹林 ' })).toEqual({ show: form.show, medicines: '阿司匹林', expectedVersion: 0 });
  });
});

describe('the care card page', () => {
  it('shows the card as it prints, and the member ticks 常用药 in and writes it in their words', async () => {
    const api = cardApi(fresh);
    renderWith(<CareCardScreen />, member, api.route);
    await waitFor(() => expect(screen.getByText('第一离退休干部党支部', { exact: false })).toBeTruthy());
    expect(screen.getByText('王小明（儿子）13800001234')).toBeTruthy();
    expect(screen.getByText('林小红')).toBeTruthy();
    expect(screen.queryByText('幸福路 12 号 3 单元 401')).toBeNull();

    fireEvent.click(screen.getByText('修改卡上内容'));
    fireEvent.click(screen.getByText('☐ 未勾选：常用药'));
    expect(screen.getByText('常用药没有印上：还没有填写。')).toBeTruthy();
    fireEvent.input(await inputUnder('常用药（例如：硝苯地平，每天早上一片）'), { target: { value: '硝苯地平，每天早上一片' } });
    // The card above already shows it as it will print.
    expect(screen.getByText('硝苯地平，每天早上一片')).toBeTruthy();
    fireEvent.click(screen.getByText('保存爱心卡'));
    await waitFor(() => expect(screen.getByText('爱心卡已保存。')).toBeTruthy());
    expect(api.sent).toHaveLength(1);
    expect(api.sent[0]?.body).toEqual({ show: { ...shown, medicines: true }, medicines: '硝苯地平，每天早上一片', expectedVersion: 0 });
    expect(api.sent[0]?.key).toBeTruthy();
    expect(screen.getByText('修改卡上内容')).toBeTruthy();

    // A second change is another save: a new key, and the version the first produced.
    fireEvent.click(screen.getByText('修改卡上内容'));
    fireEvent.click(screen.getByText('☐ 未勾选：住址'));
    fireEvent.click(screen.getByText('保存爱心卡'));
    await waitFor(() => expect(api.sent).toHaveLength(2));
    expect(api.sent[1]?.key).not.toBe(api.sent[0]?.key);
    expect(api.sent[1]?.body).toMatchObject({ expectedVersion: 1, show: { address: true } });
    await waitFor(() => expect(screen.getByText('幸福路 12 号 3 单元 401')).toBeTruthy());
  });

  it('without consent offers no health boxes, says why, and 先不改 changes nothing', async () => {
    const api = cardApi({ ...fresh, healthConsent: false, emergencyContacts: [], careNotes: undefined });
    renderWith(<CareCardScreen />, member, api.route);
    await waitFor(() => expect(screen.getByText('修改卡上内容')).toBeTruthy());
    expect(screen.getByText('紧急联系人没有印上：先同意保存健康信息，支部才能登记这一项。')).toBeTruthy();
    fireEvent.click(screen.getByText('修改卡上内容'));
    expect(screen.getByText('身体情况和常用药是健康信息：先同意保存健康信息，才能写在卡上。')).toBeTruthy();
    expect(screen.queryByText('常用药（例如：硝苯地平，每天早上一片）')).toBeNull();
    fireEvent.click(screen.getByText('☐ 未勾选：住址'));
    fireEvent.click(screen.getByText('先不改'));
    expect(screen.queryByText('幸福路 12 号 3 单元 401')).toBeNull();
    expect(api.sent).toHaveLength(0);
  });
});
