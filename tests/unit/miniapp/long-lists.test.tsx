import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { ApiProvider } from '@/hooks/api-context';
import { usePhotoBatch } from '@/hooks/use-upload';
import { createApiClient } from '@/services/api-client';
import { AttendanceBoard } from '@/components/AttendanceBoard';
import { AmendmentForm } from '@/components/ClosePanel';
import { foldList } from '@/services/name-list';
import type { AttendanceEntry, SessionDetail } from '@/services/types';

// Thirty members as the server sends them: in pinyin order, four of them away.
const names = ['安建华', '白秀兰', '蔡国庆', '曹玉梅', '陈红', '崔志明', '丁桂英', '董建国', '杜秀珍', '范文华', '方淑芬', '冯德明', '高玉兰', '郭振华', '韩桂珍',
  '何建平', '胡秀英', '黄国强', '江淑华', '李秀英', '刘洋', '马德胜', '王建国', '吴淑珍', '徐桂兰', '杨春生', '于秀芝', '张伟', '赵敏', '周志刚'];
const away: Record<string, AttendanceEntry['status']> = { 蔡国庆: 'absent', 李秀英: 'excused', 王建国: 'online', 周志刚: 'absent' };
const attendance: AttendanceEntry[] = names.map((n, i) => ({ memberId: `m${i}`, memberName: n, status: away[n] ?? 'present', ...(n === '李秀英' ? { reason: '住院' } : {}) }));
const session: Pick<SessionDetail, 'kind' | 'attendance' | 'quorum' | 'status' | 'lastBulk'> = { kind: 'theme_day', attendance, status: 'open' };

const board = (over: Partial<typeof session> = {}) =>
  render(<AttendanceBoard session={{ ...session, ...over }} readOnly={false} onPreview={vi.fn()} onMarkAll={vi.fn()} onUndo={vi.fn()} onMark={vi.fn(async () => {})} />);
const titles = () => Array.from(document.querySelectorAll('.row--attendance .row__title')).map((t) => t.textContent);
const searchBox = () => waitFor(() => {
  const box = screen.getByText('查找党员').closest('.field')?.querySelector('input');
  if (!box) throw new Error('no search box');
  return box;
});

describe('the attendance board at branch size', () => {
  it('shows the four exceptions first, in pinyin order, and folds the other 26 under one line', () => {
    board();
    expect(titles()).toEqual(['蔡国庆', '李秀英', '王建国', '周志刚']);
    fireEvent.click(screen.getByText('其余 26 人 出席（点开查看）'));
    expect(titles()).toHaveLength(30);
    expect(titles().slice(4, 7)).toEqual(['安建华', '白秀兰', '曹玉梅']);
    fireEvent.click(screen.getByText('收起这 26 人'));
    expect(titles()).toHaveLength(4);
  });

  it('shows unrecorded lines after the recorded exceptions, none folded before anyone is marked', () => {
    board({ attendance: attendance.map((a) => (a.memberName === '赵敏' ? { ...a, status: 'absent' as const } : { ...a, status: null })) });
    expect(titles()).toHaveLength(30);
    expect(titles()[0]).toBe('赵敏');
    expect(screen.queryByText(/其余 \d+ 人/)).toBeNull();
  });

  it('finds a member by part of the name or by pinyin initials, folded or not', async () => {
    board();
    const box = await searchBox();
    act(() => void fireEvent.input(box, { target: { value: 'gzh' } }));
    await waitFor(() => expect(titles()).toEqual(['郭振华']));
    act(() => void fireEvent.input(box, { target: { value: '秀' } }));
    await waitFor(() => expect(titles()).toEqual(['白秀兰', '杜秀珍', '胡秀英', '李秀英', '于秀芝']));
    act(() => void fireEvent.input(box, { target: { value: '钱' } }));
    await waitFor(() => expect(screen.getByText('没有找到“钱”。请换个写法再找。')).toBeTruthy());
  });

  it('keeps a short list whole, with no search box', () => {
    board({ attendance: attendance.slice(0, 5) });
    expect(titles()).toHaveLength(5);
    expect(screen.queryByText('查找党员')).toBeNull();
  });
});

describe('the correction form at branch size', () => {
  it('offers the exceptions as buttons, the rest folded, and a search for anyone', async () => {
    render(<AmendmentForm session={{ attendance }} onSubmit={vi.fn(async () => true)} outcome={{ errors: {} }} />);
    fireEvent.click(screen.getByText('更正某位党员的出席情况'));
    expect(screen.getByText('蔡国庆（现为缺席）')).toBeTruthy();
    expect(screen.queryByText('安建华（现为出席）')).toBeNull();
    fireEvent.click(screen.getByText('其余 26 人 出席（点开查看）'));
    expect(screen.getByText('安建华（现为出席）')).toBeTruthy();
    fireEvent.click(screen.getByText('收起这 26 人'));
    const box = await searchBox();
    act(() => void fireEvent.input(box, { target: { value: 'ajh' } }));
    await waitFor(() => expect(screen.getByText('安建华（现为出席）')).toBeTruthy());
    fireEvent.click(screen.getByText('安建华（现为出席）'));
    act(() => void fireEvent.input(box, { target: { value: '' } }));
    // The chosen one stays in view once the search is cleared, though 出席 lines fold.
    await waitFor(() => expect(screen.getByText('✓ 安建华（现为出席）（已选）')).toBeTruthy());
  });
});

describe('foldList', () => {
  it('keeps the incoming order within each rank and keeps the line in hand', () => {
    const rows = [{ n: '甲', ok: true }, { n: '乙', ok: false }, { n: '丙', ok: true }];
    const folded = foldList(rows, { name: (r) => r.n, ordinary: (r) => r.ok, query: '', keep: (r) => r.n === '丙' });
    expect(folded.shown.map((r) => r.n)).toEqual(['乙', '丙']);
    expect(folded.folded.map((r) => r.n)).toEqual(['甲']);
  });
});

describe('several photos at once', () => {
  it('sends them one after another, saying which is going up, and names the one that failed', async () => {
    let n = 0;
    const client = createApiClient({
      request: async () => ({ status: 201, body: { uploadId: `up-${++n}`, url: 'http://uploads.test/', fields: {}, expiresAt: '2099-01-01T00:00:00.000Z' } }),
      baseUrl: '',
      getToken: () => 't',
    });
    const photo = (i: number) => ({ name: `照片${i}.jpg`, size: 2048, contentType: 'image/jpeg', path: `wxfile://tmp/${i}.jpg` });
    const pickMany = vi.fn(async (max: number) => [1, 2, 3].map(photo).slice(0, max));
    const gates: (() => void)[] = [];
    // The second photo's network fails; each send waits until the test lets it through.
    const send = vi.fn((_t: unknown, f: { name: string }) => new Promise<number>((resolve, reject) => gates.push(() => (f.name === '照片2.jpg' ? reject(new Error('offline')) : resolve(204)))));
    const { result } = renderHook(() => usePhotoBatch(pickMany, send), { wrapper: ({ children }) => <ApiProvider client={client}>{children}</ApiProvider> });
    let added: Promise<unknown[]> = Promise.resolve([]);
    act(() => void (added = result.current.add(5)));
    expect(pickMany).toHaveBeenCalledWith(5);
    for (let i = 1; i <= 3; i++) {
      await waitFor(() => expect(result.current.progress).toBe(`正在上传第 ${i}/3 张`));
      await waitFor(() => expect(gates).toHaveLength(i)); // one at a time: the next waits for this one
      act(() => gates[i - 1]!());
    }
    await act(async () => void (await added));
    expect((await added).map((a) => (a as { name: string }).name)).toEqual(['照片1.jpg', '照片3.jpg']);
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toContain('有 1 张没有传上');
    expect(result.current.error).toContain('第 2 张');
  });
});
