import { describe, expect, it } from 'vitest';
import { clearToken, getToken, setToken } from '@/adapters/storage';
import { fontScaleFor } from '@/services/font-scale';
import { homeFor, pages, withQuery } from '@/services/routes';

describe('token storage (H5)', () => {
  it('reads back what it stored through Taro', () => {
    setToken('tok-1');
    expect(getToken()).toBe('tok-1');
    clearToken();
    expect(getToken()).toBe('');
  });

  it('also reads a token put into localStorage by hand (the elder-audit tool, e2e tests)', () => {
    localStorage.setItem('token', 'raw-token');
    expect(getToken()).toBe('raw-token');
  });
});

describe('routing by role', () => {
  it('sends each role to its own first page', () => {
    expect(homeFor('member')).toBe(pages.home);
    expect(homeFor('proxy')).toBe(pages.home);
    expect(homeFor('secretary')).toBe(pages.branchHome);
    expect(homeFor('contact')).toBe(pages.contactHome);
    expect(homeFor('inspector')).toBe(pages.compliance);
    expect(homeFor('admin')).toBe(pages.adminHome);
    expect(homeFor('visitor')).toBe(pages.bind);
  });

  it('builds page URLs with encoded query values', () => {
    expect(withQuery(pages.memberDetail, { id: 'm 1', skip: undefined })).toBe('/packages/branch/pages/member-detail/index?id=m%201');
  });
});

describe('font scale from the WeChat font size', () => {
  it('enlarges with a larger setting, never shrinks, and caps', () => {
    expect(fontScaleFor(17)).toBe(1);
    expect(fontScaleFor(20)).toBe(1.18);
    expect(fontScaleFor(12)).toBe(1);
    expect(fontScaleFor(40)).toBe(1.6);
    expect(fontScaleFor(undefined)).toBe(1);
  });
});
