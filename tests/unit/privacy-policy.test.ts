import { describe, expect, it } from 'vitest';
import { capabilities } from '@ltx/shared/domain/authz';
import { operatorMissingWords, privacyPolicy, privacyPolicyVersion, type PrivacyPolicy } from '@ltx/shared/domain/privacy-policy';
import { roleLabels, type Role } from '@ltx/shared/domain/roles';
import { careNoteLabels, memberFieldLabels } from '@ltx/shared/labels';

const allText = (p: PrivacyPolicy) => [p.title, p.versionLine, ...p.sections.flatMap((s) => [s.title, ...s.paragraphs, ...(s.items ?? [])])].join('\n');
const section = (p: PrivacyPolicy, title: string) => {
  const s = p.sections.find((x) => x.title.endsWith(title));
  if (!s) throw new Error(`no section ${title}`);
  return s;
};
/** The "who sees it" line that starts with the role's name. */
const whoSees = (p: PrivacyPolicy, role: Role) => {
  const line = section(p, '谁能看到').items?.find((i) => i.startsWith(roleLabels[role]));
  if (!line) throw new Error(`no line for ${roleLabels[role]}`);
  return line;
};
const can = (role: Role) => capabilities({ userId: 'u1', role, orgId: 'o1', branchId: role === 'inspector' || role === 'admin' ? undefined : 'b1', memberId: 'm1' });

describe('the privacy policy text', () => {
  const policy = privacyPolicy();

  it('is versioned and dated, and names no ids, codes or English words', () => {
    expect(Number.isInteger(privacyPolicyVersion.version) && privacyPolicyVersion.version >= 1).toBe(true);
    expect(privacyPolicyVersion.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(policy.versionLine).toBe(`第 ${privacyPolicyVersion.version} 版，2026年12月1日起施行`);
    expect(allText(policy)).not.toMatch(/[A-Za-z_]/);
  });

  it('lists every field of the member record and every care note by the form’s own words', () => {
    const collected = section(policy, '收集哪些信息').items!.join('\n');
    const { sensitive: _health, ...fields } = memberFieldLabels;
    for (const word of [...Object.values(fields), ...Object.values(careNoteLabels), '健康状况', '紧急联系人']) expect(collected).toContain(word);
    for (const role of ['member', 'proxy', 'secretary', 'contact', 'inspector', 'admin'] as const) expect(collected).toContain(roleLabels[role]);
  });

  it('says who sees health data and full phone numbers exactly as can() decides', () => {
    for (const role of ['secretary', 'contact'] as const) {
      expect(can(role)['member.readSensitive'], role).toBe(true);
      expect(whoSees(policy, role)).toMatch(/健康与照护信息|照护备注/);
    }
    for (const role of ['inspector', 'admin'] as const) {
      expect(can(role)['member.readSensitive'], role).toBe(false);
      expect(can(role)['member.readPhone'], role).toBe(false);
    }
    expect(section(policy, '谁能看到').items!.find((i) => i.startsWith(roleLabels.inspector))).toContain('看不到健康与照护信息和家庭住址');
    expect(can('secretary')['member.readPhone']).toBe(true);
    expect(whoSees(policy, 'secretary')).toContain('完整的手机号');
    expect(can('contact')['member.readPhone']).toBe(false);
    expect(whoSees(policy, 'contact')).toContain('手机号只显示部分数字');
    expect(can('member')['points.read'] && can('proxy')['points.read']).toBe(true);
    expect(can('member')['points.branch']).toBe(false);
    expect(whoSees(policy, 'member')).toContain('其他党员看不到您的资料、出席和积分');
  });

  it('names the operator the deployment configures, and says plainly when it has not', () => {
    expect(allText(policy)).toContain(operatorMissingWords);
    const named = allText(privacyPolicy({ name: '城北区委老干部局', contact: '电话 010-12345678' }));
    expect(named).toContain('运营单位：城北区委老干部局，联系方式：电话 010-12345678。');
    expect(named).toContain('由城北区委老干部局运营');
    expect(named).not.toContain(operatorMissingWords);
  });
});
