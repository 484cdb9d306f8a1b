import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { noteSignOut, takeSignOutNote } from '@/adapters/storage';
import { meOf } from './me';
import { pageHarness } from './harness';

vi.mock('@/adapters/navigation', () => ({ openPage: vi.fn(), replacePage: vi.fn(), goHome: vi.fn(), goBack: vi.fn(), goLogin: vi.fn() }));

const { default: LoginPage } = await import('@/pages/login/index');
const { renderPage, get } = pageHarness();
const visitor = meOf({ userId: 'u-v', role: 'visitor', displayName: '访客' });

describe('the login page after the session was ended by the branch', () => {
  it('says once why the app came back here (a withdrawn role), then forgets it', async () => {
    noteSignOut('您的职务已被收回，请联系组织');
    renderPage(LoginPage, visitor, get('/api/v1/auth/demo-accounts', { items: [] }));
    await waitFor(() => expect(screen.getByText('您的职务已被收回，请联系组织')).toBeTruthy());
    expect(takeSignOutNote()).toBeUndefined();
  });

  it('says nothing of the kind on an ordinary visit', async () => {
    renderPage(LoginPage, visitor, get('/api/v1/auth/demo-accounts', { items: [] }));
    await waitFor(() => expect(screen.getByText('离退休干部党支部')).toBeTruthy());
    expect(screen.queryByText(/职务已被收回/)).toBeNull();
  });
});
