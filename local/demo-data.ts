import type { MemberCreateInput, SensitiveProfile } from '@ltx/shared/schemas/member';
import type { Role } from '@ltx/shared/domain/roles';
import type { CareCardInput } from '@ltx/shared/schemas/care-card';

/**
 * The demo hierarchy the local stack seeds on first start: one 工委 over two 党工委, five branches.
 * Names are fictional. `demoOrg` is the 党工委 of the demo people (its id and branches are what tests use).
 */
export const demoRoot = { id: 'org-city', name: '某市委老干部局离退休干部工委', kind: 'gongwei', path: '/org-city/' } as const;
export const demoOrg = { id: 'org-chengnan', name: '城南街道离退休干部党工委', kind: 'dang_gongwei', parentId: demoRoot.id, path: '/org-city/org-chengnan/' } as const;
export const demoOrg2 = { id: 'org-chengbei', name: '城北街道离退休干部党工委', kind: 'dang_gongwei', parentId: demoRoot.id, path: '/org-city/org-chengbei/' } as const;

export const demoBranches = [
  { id: 'br-1', orgId: demoOrg.id, orgPath: demoOrg.path, name: '第一离退休干部党支部', secretaryName: '张卫东' },
  { id: 'br-2', orgId: demoOrg.id, orgPath: demoOrg.path, name: '第二离退休干部党支部', secretaryName: '陈丽华' },
  { id: 'br-3', orgId: demoOrg2.id, orgPath: demoOrg2.path, name: '城北第一离退休干部党支部' },
  { id: 'br-4', orgId: demoOrg2.id, orgPath: demoOrg2.path, name: '城北第二离退休干部党支部' },
  { id: 'br-5', orgId: demoOrg2.id, orgPath: demoOrg2.path, name: '城北第三离退休干部党支部' },
];

/** `sensitive`: health data the seed records after the member's own consent (seed.ts), as the app would. */
type DemoMember = { key: string; branchId: string; contact?: boolean; input: MemberCreateInput & { sensitive?: SensitiveProfile } };

export const demoMembers: DemoMember[] = [
  {
    key: 'wang', branchId: 'br-1', contact: true,
    input: {
      name: '王建国', address: '城南街道和平里 3 号楼 2 单元 101', gender: 'male', birthDate: '1944-03-12', joinedPartyOn: '1965-07-01', partyGroup: '第一党小组', committeeRole: '组织委员', phone: '13800010001',
      livingSituation: 'with_family', 
      sensitive: { healthClass: 'minor_illness', careNotes: { hearing: '左耳听力弱，请坐在右边说话', bestVisitTime: '上午九点以后', largePrint: true }, emergencyContacts: [{ name: '王小明', relation: '儿子', phone: '13900010001' }] },
    },
  },
  {
    key: 'li', branchId: 'br-1', contact: true,
    input: {
      name: '李秀英', address: '城南街道和平里 5 号楼 1 单元 302', gender: 'female', birthDate: '1937-11-02', joinedPartyOn: '1958-10-01', partyGroup: '第一党小组', phone: '13800010002',
      livingSituation: 'widowed', 
      sensitive: { healthClass: 'not_self_reliant', careNotes: { bestVisitTime: '下午三点到五点', eyesight: '看不清小字', readAloud: true, other: '卧床，由女儿照顾' }, emergencyContacts: [{ name: '刘芳', relation: '女儿', phone: '13900010002' }] },
    },
  },
  {
    key: 'zhao', branchId: 'br-1',
    input: {
      name: '赵德明', gender: 'male', birthDate: '1950-06-20', joinedPartyOn: '1972-05-04', partyGroup: '第一党小组', phone: '13800010003',
      livingSituation: 'elsewhere', livingCity: '深圳', 
      sensitive: { healthClass: 'healthy', careNotes: { other: '随女儿住在深圳，微信联系' }, emergencyContacts: [] },
    },
  },
  {
    key: 'sun', branchId: 'br-1',
    input: { name: '孙桂兰', address: '城南街道和平里 1 号楼 3 单元 401', gender: 'female', birthDate: '1941-01-15', joinedPartyOn: '1963-03-08', partyGroup: '第二党小组', phone: '13800010004', livingSituation: 'alone', 
      sensitive: { healthClass: 'chronic_self_reliant', careNotes: { dialect: '说上海话', bestVisitTime: '上午' }, emergencyContacts: [{ name: '孙强', relation: '侄子', phone: '13900010004' }] } },
  },
  {
    key: 'zhou', branchId: 'br-1', contact: true,
    input: { name: '周志刚', address: '城南街道光明路 12 号院 4 号楼 201', gender: 'male', birthDate: '1934-09-09', joinedPartyOn: '1953-12-26', partyGroup: '第二党小组', livingSituation: 'with_family', 
      sensitive: { healthClass: 'not_self_reliant', careNotes: { hearing: '需要大声说话', other: '长期住院，出院后居家' }, emergencyContacts: [{ name: '周燕', relation: '女儿', phone: '13900010005' }] } },
  },
  { key: 'wu', branchId: 'br-1', input: { name: '吴淑珍', gender: 'female', birthDate: '1948-04-30', joinedPartyOn: '1970-07-01', partyGroup: '第二党小组', committeeRole: '纪检委员', phone: '13800010006', livingSituation: 'with_family' } },
  { key: 'zheng', branchId: 'br-1', input: { name: '郑国强', gender: 'male', birthDate: '1956-12-01', joinedPartyOn: '1978-06-15', partyGroup: '第一党小组', committeeRole: '宣传委员', phone: '13800010007', livingSituation: 'with_family', sensitive: { healthClass: 'healthy', careNotes: {}, emergencyContacts: [] } } },
  { key: 'feng', branchId: 'br-1', input: { name: '冯玉梅', gender: 'female', birthDate: '1945-08-18', joinedPartyOn: '1968-09-09', partyGroup: '第二党小组', livingSituation: 'elsewhere', livingCity: '北京', sensitive: { healthClass: 'minor_illness', careNotes: {}, emergencyContacts: [] } } },
  { key: 'chen', branchId: 'br-2', input: { name: '陈保国', gender: 'male', birthDate: '1939-02-22', joinedPartyOn: '1960-01-10', partyGroup: '第一党小组', phone: '13800020001', livingSituation: 'with_family', sensitive: { healthClass: 'chronic_self_reliant', careNotes: { bestVisitTime: '上午十点' }, emergencyContacts: [] } } },
  { key: 'yang', branchId: 'br-2', input: { name: '杨秀兰', address: '城南街道新华路 8 号 1 单元 502', gender: 'female', birthDate: '1936-05-05', joinedPartyOn: '1956-07-01', partyGroup: '第一党小组', livingSituation: 'widowed', sensitive: { healthClass: 'not_self_reliant', careNotes: { readAloud: true }, emergencyContacts: [{ name: '杨军', relation: '儿子', phone: '13900020002' }] } } },
  { key: 'huang', branchId: 'br-2', input: { name: '黄振华', gender: 'male', birthDate: '1952-10-10', joinedPartyOn: '1975-03-03', partyGroup: '第一党小组', committeeRole: '组织委员', phone: '13800020003', livingSituation: 'with_family', sensitive: { healthClass: 'healthy', careNotes: {}, emergencyContacts: [] } } },
  { key: 'xu', branchId: 'br-2', input: { name: '徐美华', gender: 'female', birthDate: '1947-07-07', joinedPartyOn: '1969-11-11', partyGroup: '第二党小组', phone: '13800020004', livingSituation: 'elsewhere', livingCity: '成都' } },
  { key: 'he', branchId: 'br-2', input: { name: '何永福', gender: 'male', birthDate: '1943-03-30', joinedPartyOn: '1964-08-01', partyGroup: '第二党小组', livingSituation: 'alone', sensitive: { healthClass: 'minor_illness', careNotes: { eyesight: '白内障术后' }, emergencyContacts: [] } } },
  { key: 'ma', branchId: 'br-2', input: { name: '马红梅', gender: 'female', birthDate: '1958-01-25', joinedPartyOn: '1980-05-20', partyGroup: '第二党小组', committeeRole: '宣传委员', phone: '13800020006', livingSituation: 'with_family' } },
  { key: 'lin', branchId: 'br-2', input: { name: '林海涛', gender: 'male', birthDate: '1949-09-19', joinedPartyOn: '1971-07-01', partyGroup: '第一党小组', livingSituation: 'with_family', sensitive: { healthClass: 'healthy', careNotes: {}, emergencyContacts: [] } } },
];

/** Demo accounts offered on the local login page. `memberKey` links a member or proxy to a member above. */
export const demoUsers: {
  account: string; label: string; userId: string; role: Role; displayName: string; branchId?: string; memberKey?: string;
  /** The organisation whose subtree an inspector or administrator holds (the demo 党工委 when absent). */
  orgId?: string;
}[] = [
  { account: 'member-wang', label: '王建国（党员，第一支部）', userId: 'u-demo-wang', role: 'member', displayName: '王建国', branchId: 'br-1', memberKey: 'wang' },
  { account: 'proxy-liu', label: '刘芳（代母亲李秀英办理）', userId: 'u-demo-liu', role: 'proxy', displayName: '刘芳', branchId: 'br-1', memberKey: 'li' },
  { account: 'secretary-1', label: '张卫东（第一支部）', userId: 'u-demo-sec1', role: 'secretary', displayName: '张卫东', branchId: 'br-1' },
  { account: 'secretary-2', label: '陈丽华（第二支部）', userId: 'u-demo-sec2', role: 'secretary', displayName: '陈丽华', branchId: 'br-2' },
  { account: 'contact-1', label: '林小红（第一支部）', userId: 'u-demo-contact1', role: 'contact', displayName: '林小红', branchId: 'br-1' },
  { account: 'inspector', label: '周明（党工委）', userId: 'u-demo-inspector', role: 'inspector', displayName: '周明' },
  { account: 'admin', label: '党工委管理员', userId: 'u-demo-admin', role: 'admin', displayName: '党工委管理员' },
  { account: 'inspector-2', label: '孙立新（城北党工委）', userId: 'u-demo-inspector2', role: 'inspector', displayName: '孙立新', orgId: demoOrg2.id },
  { account: 'admin-city', label: '工委管理员', userId: 'u-demo-admin-city', role: 'admin', displayName: '工委管理员', orgId: demoRoot.id },
];

/** 李秀英's care card (爱心卡) as her daughter 刘芳 filled it in for her: what she chose to print, in their words. */
export const demoCareCard: { memberKey: string; account: string; input: CareCardInput } = {
  memberKey: 'li', account: 'proxy-liu',
  input: {
    show: { address: true, conditions: true, medicines: true, careNotes: true, emergencyContacts: true, contact: true },
    conditions: '卧床，起身要人搀扶；高血压', medicines: '硝苯地平缓释片，每天早上一片', expectedVersion: 0,
  },
};
