import { describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemberForm } from '@/components/MemberForm';
import { emptyMemberForm, memberFormFrom, toCreateInput, toPatchInput, type MemberFormState } from '@/services/member-form';
import { isoFromParts } from '@/services/date-parts';
import { describePatch } from '@/services/change-text';
import type { MemberDetail } from '@/services/types';

const original: MemberDetail = {
  id: 'm-001',
  branchId: 'b1',
  name: '王建国',
  gender: 'male',
  age: 86,
  partyGroup: '第二党小组',
  phoneMasked: '138****5678',
  phone: '13812345678',
  livingSituation: 'alone',
  attendanceMode: 'home_delivered',
  bound: true,
  birthDate: '1939-05-04',
  joinedPartyOn: '1958-07-01',
  version: 3,
  updatedAt: '2025-11-01T02:00:00Z',
  updatedBy: 'u3',
  sensitive: {
    healthClass: 'not_self_reliant',
    careNotes: { hearing: '左耳听不清', largePrint: true },
    emergencyContacts: [{ name: '王小红', relation: '女儿', phone: '13900001111' }],
  },
  healthConsent: { termsVersion: '2026-12', givenAt: '2025-10-01T02:00:00Z', way: 'proxy' },
};

describe('member form rules', () => {
  it('builds a day from three boxes and refuses days that do not exist', () => {
    expect(isoFromParts({ year: '1945', month: '10', day: '1' })).toBe('1945-10-01');
    expect(isoFromParts({ year: '1945', month: '2', day: '30' })).toBeNull();
    expect(isoFromParts({ year: '45', month: '1', day: '1' })).toBeNull();
  });

  it('names every missing required field in Chinese', () => {
    const result = toCreateInput(emptyMemberForm());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      name: '姓名：请填写 2 到 20 个字',
      gender: '性别：请选择',
      birthDate: '出生日期：请填写年、月、日',
      joinedPartyOn: '入党日期：请填写年、月、日',
      livingSituation: '居住情况：请选择',
    });
  });

  it('asks for the city when the member lives elsewhere, and never sends health data with a new member', () => {
    const form: MemberFormState = {
      ...emptyMemberForm(),
      name: '张桂兰',
      gender: 'female',
      birthDate: { year: '1946', month: '3', day: '8' },
      joinedPartyOn: { year: '1970', month: '7', day: '1' },
      livingSituation: 'elsewhere',
      healthClass: 'healthy',
    };
    const missingCity = toCreateInput(form);
    expect(missingCity.ok || missingCity.errors.livingCity).toBe('异地居住时请填写居住城市');

    const ok = toCreateInput({ ...form, livingCity: '深圳' });
    expect(ok).toEqual({
      ok: true,
      value: { name: '张桂兰', gender: 'female', birthDate: '1946-03-08', joinedPartyOn: '1970-07-01', livingSituation: 'elsewhere', livingCity: '深圳' },
    });

    // Even a form holding a health class: a new member has not consented yet (their consent page comes after).
    const allowed = toCreateInput({ ...form, livingCity: '深圳', healthAllowed: true });
    expect(allowed.ok && allowed.value).not.toHaveProperty('sensitive');
  });

  it('sends nothing when nothing changed', () => {
    expect(toPatchInput(memberFormFrom(original), original)).toEqual({ ok: true, value: null });
  });

  it('sends only the changed fields plus the version the editor saw', () => {
    const form = { ...memberFormFrom(original), livingSituation: 'with_family' as const, partyGroup: '' };
    expect(toPatchInput(form, original)).toEqual({
      ok: true,
      value: { expectedVersion: 3, livingSituation: 'with_family', partyGroup: '' },
    });
  });

  it('sends the whole health profile when any part of it changed, while the member’s consent stands', () => {
    const form = memberFormFrom(original);
    form.careNotes = { ...form.careNotes, readAloud: true };
    const result = toPatchInput(form, original);
    expect(result.ok && result.value).toEqual({
      expectedVersion: 3,
      sensitive: {
        healthClass: 'not_self_reliant',
        careNotes: { hearing: '左耳听不清', largePrint: true, readAloud: true },
        emergencyContacts: [{ name: '王小红', relation: '女儿', phone: '13900001111' }],
      },
    });
  });

  it('describes a proposed change in words for the secretary', () => {
    expect(describePatch({ expectedVersion: 3, livingSituation: 'with_family', attendanceModeOverride: null, birthDate: '1939-05-04' })).toEqual([
      '居住情况：与家人同住',
      '参学方式：按健康和居住情况自动确定',
      '出生日期：1939年5月4日',
    ]);
  });
});

describe('MemberForm', () => {
  it('shows each server field message under its field and lists the unplaceable ones by the button', () => {
    render(
      <MemberForm
        initial={memberFormFrom(original)}
        submitLabel='保存修改'
        onSubmit={() => {}}
        busy={false}
        formError='填写的内容有误，请按提示修改'
        errors={{
          name: '姓名：太短',
          'sensitive.emergencyContacts.0.phone': '紧急联系人电话：手机号应为 11 位数字',
          contactUserId: '编号格式不正确',
        }}
      />,
    );
    expect(screen.getByText('填写的内容有误，请按提示修改')).toBeTruthy();
    expect(screen.getByText('姓名：太短')).toBeTruthy();
    expect(screen.getByText('紧急联系人电话：手机号应为 11 位数字')).toBeTruthy();
    expect(screen.getByText('结对联系人：编号格式不正确')).toBeTruthy();
  });

  it('has no box for the secretary to tick: the health section is there only while the member’s own consent stands', () => {
    render(<MemberForm initial={emptyMemberForm()} submitLabel='保存' onSubmit={() => {}} busy={false} errors={{}} />);
    expect(screen.queryByText('健康状况')).toBeNull();
    expect(screen.queryByText(/本人已同意/)).toBeNull();
    expect(screen.getByText(/须党员本人（或家属代本人）在“健康信息同意”里同意后才能填写/)).toBeTruthy();
    cleanup();

    let submitted: MemberFormState | undefined;
    render(<MemberForm initial={memberFormFrom(original)} submitLabel='保存' onSubmit={(f) => (submitted = f)} busy={false} errors={{}} />);
    expect(screen.getByText('健康状况')).toBeTruthy();
    fireEvent.click(screen.getByText('健康'));
    expect(screen.getByText('✓ 健康（已选）')).toBeTruthy();
    fireEvent.click(screen.getByText('保存'));
    expect(submitted).toMatchObject({ healthAllowed: true, healthClass: 'healthy' });
  });
});
