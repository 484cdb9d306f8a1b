import { describe, expect, it } from 'vitest';
import { MemberCreateInput, MemberPatchInput } from '@ltx/shared/schemas/member';
import { BindingInput } from '@ltx/shared/schemas/auth';
import { validate } from '@ltx/shared/validation';

const valid = { name: '王建国', gender: 'male', birthDate: '1944-03-12', joinedPartyOn: '1965-07-01', livingSituation: 'with_family' };

describe('validation messages', () => {
  it('names each bad field in Chinese with its path', () => {
    const result = validate(MemberCreateInput, { ...valid, name: '王', phone: '123', birthDate: '1944-13-40' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.issues.map((i) => [i.path, i.message]));
    expect(byPath.name).toBe('姓名：至少 2 个字');
    expect(byPath.phone).toMatch(/^手机号：/);
    expect(byPath.birthDate).toMatch(/^出生日期：/);
  });

  it('says a missing field must be filled in', () => {
    const result = validate(MemberCreateInput, { ...valid, gender: undefined });
    expect(result.ok || result.issues).toEqual([{ path: 'gender', message: '性别：必须填写' }]);
  });

  it('takes no health data, nor a consent box, when a member is created: consent is the member’s own, given later', () => {
    for (const extra of [{ sensitive: { healthClass: 'healthy' } }, { healthConsent: true }]) {
      const result = validate(MemberCreateInput, { ...valid, ...extra });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]?.message).toContain(Object.keys(extra)[0]);
    }
    expect(validate(MemberPatchInput, { expectedVersion: 1, sensitive: { healthClass: 'healthy' } }).ok).toBe(true);
  });

  it('asks for the city of a member living elsewhere', () => {
    const result = validate(MemberCreateInput, { ...valid, livingSituation: 'elsewhere' });
    expect(result.ok || result.issues[0]?.path).toBe('livingCity');
  });

  it('names nested fields by their own title', () => {
    const result = validate(MemberPatchInput, {
      expectedVersion: 1, sensitive: { healthClass: 'healthy', emergencyContacts: [{ name: '王小明', relation: '儿子', phone: '1' }] },
    });
    expect(result.ok || result.issues).toEqual([{ path: 'sensitive.emergencyContacts.0.phone', message: '紧急联系人电话：应为以 1 开头的 11 位数字' }]);
  });

  it('rejects unknown fields and patches without a version', () => {
    const unknown = validate(MemberPatchInput, { expectedVersion: 1, isAdmin: true });
    expect(unknown.ok || unknown.issues[0]?.message).toContain('isAdmin');
    const noVersion = validate(MemberPatchInput, { name: '王建国' });
    expect(noVersion.ok || noVersion.issues[0]?.path).toBe('expectedVersion');
  });

  it('accepts only six-character invite codes', () => {
    expect(validate(BindingInput, { inviteCode: 'ABC234' }).ok).toBe(true);
    expect(validate(BindingInput, { inviteCode: 'abc' }).ok).toBe(false);
  });
});
