import { careNoteLabels, memberFieldLabels } from '../labels';
import { deletionWaitYears } from './member-deletion';
import { roleLabels } from './roles';
import { dateWords } from '../wording/time-words';

/**
 * The product's privacy policy (个人信息保护政策), the one text of it: the mini-program's page renders it, and
 * docs/privacy.md says how to publish a new version (change the text, raise `version`, set `publishedOn`).
 * Who sees what follows `can()` (authz.ts): `member.readSensitive`, `member.readPhone`, `points.read`,
 * `attendance.readAll` and the subtree scope of 督导 and 管理员. Plain words, no ids or codes.
 */
export const privacyPolicyVersion = { version: 1, publishedOn: '2026-12-01' } as const;

/** Whoever runs the deployment (the 个人信息处理者): filled from the mini-program's build settings. */
export interface PolicyOperator {
  name?: string;
  contact?: string;
}

export interface PolicySection {
  title: string;
  paragraphs: string[];
  /** Listed points under the paragraphs. */
  items?: string[];
}

export interface PrivacyPolicy {
  title: string;
  /** "第 1 版，2026年12月1日起施行". */
  versionLine: string;
  sections: PolicySection[];
}

const dayWords = (day: string) => dateWords(day, { weekday: false });

const { sensitive: _sensitive, ...basicFields } = memberFieldLabels;
/** The member record's fields, in the form's words (labels.ts), except the health data listed on its own. */
const basicFieldWords = Object.values(basicFields).join('、');
const careNoteWords = Object.values(careNoteLabels).join('、');
const r = roleLabels;

/** Where to turn, when the deploying organisation has not named its operator yet. */
export const operatorMissingWords = '运营单位的联系方式由使用本小程序的党组织填写，目前还没有填写，请先联系本组织的管理员。';

function operatorWords(operator: PolicyOperator): string {
  const name = operator.name?.trim();
  const contact = operator.contact?.trim();
  if (!name && !contact) return operatorMissingWords;
  return `运营单位：${name || '本组织'}${contact ? `，联系方式：${contact}` : ''}。`;
}

export function privacyPolicy(operator: PolicyOperator = {}): PrivacyPolicy {
  const runBy = operator.name?.trim() || '使用本小程序的党组织';
  return {
    title: '个人信息保护政策',
    versionLine: `第 ${privacyPolicyVersion.version} 版，${dayWords(privacyPolicyVersion.publishedOn)}起施行`,
    sections: [
      {
        title: '一、这份政策说什么',
        paragraphs: [
          `“支部之家”是离退休干部党支部开展组织生活、送学上门和党员积分管理的小程序，由${runBy}运营，处理您个人信息的也是这个单位。`,
          '我们按照个人信息保护法，只收集党支部工作需要的信息。下面说明收集什么、为什么收集、谁能看到、保存多久、您怎样撤回同意和行使权利、有问题找谁。',
        ],
      },
      {
        title: '二、收集哪些信息',
        paragraphs: ['不同的人，收集的信息不同：'],
        items: [
          `${r.member}：支部书记登记或从党员名册导入的${basicFieldWords}；您参加组织生活的出席、请假和原因、学习体会；送学上门的申请、时间、学习内容、您的感想和对支部工作的意见建议、上门时拍的照片；每一条积分的日期、类别、分值和事由。`,
          `健康与照护信息（敏感个人信息）：健康状况，照护备注（${careNoteWords}），紧急联系人的姓名、关系和电话。只有在${r.member}本人单独同意后才保存；不同意，其他功能照常使用。`,
          `${r.proxy}：用邀请码绑定时，记下您的微信身份和您代办的是哪位党员；您代办的事项记为“家属代办”。不收集您自己的姓名和电话。`,
          `${r.secretary}、${r.contact}、${r.inspector}、${r.admin}：管理员邀请您时填写的姓名和职务；您在小程序里做的每一项登记（谁、什么时候、做了什么）记入台账的操作记录。`,
          '微信身份：登录时微信提供的用户标识。我们保存它经过不可还原处理后的结果，用来认出您；原始标识另外单独保存，只用于两件事：您同意接收微信提醒时发送提醒，以及把您写下、要给别人看的文字和照片交给微信检查是否适合发布。我们不收集微信昵称和头像，不获取您的微信手机号。',
          '照片和文件：只有您自己选择上传的照片（会议记录、送学记录、整改材料）和文件（学习材料、党员名册表格）。我们不读取相册里的其他内容，不使用位置信息，不读取剪贴板，也不统计您的上网时长。',
        ],
      },
      {
        title: '三、为什么收集',
        paragraphs: ['只为下面这些事，不做别的用途：'],
        items: [
          '记录组织生活和出席情况，形成党支部台账，供上级党组织督导检查。',
          '安排送学上门：联系人知道去哪里、什么时候方便、怎样照顾（比如听力不好要大声说、需要大字材料），遇到紧急情况能找到家属。',
          '记录党员积分。积分只有本人、支部和上级党组织能看到，党员之间看不到彼此的积分。',
          '支部书记需要时打电话通知；您同意时，用微信提醒您开会。',
        ],
      },
      {
        title: '四、谁能看到',
        paragraphs: ['每个人只能看到自己工作需要的部分，小程序按下面的规则控制：'],
        items: [
          `${r.member}本人和${r.proxy}：本人的全部资料、健康与照护信息、出席、积分和送学记录。其他党员看不到您的资料、出席和积分。`,
          `${r.secretary}：本支部党员的资料，包括完整的手机号、家庭住址、健康与照护信息；出席、积分和送学记录。`,
          `${r.contact}：和自己结对的党员的资料（手机号只显示部分数字）、家庭住址、照护备注和紧急联系人；送学任务进行期间，看到这位党员的完整手机号，方便联系上门；本支部组织生活的出席情况。`,
          `${r.inspector}和${r.admin}（上级党组织）：所辖支部党员的基本资料（手机号只显示部分数字）、出席、积分、会议记录和照片、送学情况。看不到健康与照护信息和家庭住址，只看到各种健康状况各有多少人。`,
          '您写下、要给别人看的文字（比如请假原因、学习体会、会议记录、送学时记下的照护情况、意见反馈）和上传的照片，保存前会交给微信的内容安全服务检查是否适合发布，由微信按其平台规则处理。',
          '除上面一条和法律、行政法规规定的情形外，我们不向其他单位或个人提供您的信息。信息保存在中国境内的服务器上。',
        ],
      },
      {
        title: '五、保存多久',
        paragraphs: [],
        items: [
          '党员资料、出席、积分、送学记录、会议记录和照片，是党支部台账的一部分，按党组织档案管理的规定保存。党员逝世或离开本支部后，记录在台账里保留并注明，在党员名单上单独列出。',
          `党员逝世或离开满${deletionWaitYears}年后，管理员可以按本人生前或家属的申请、或按档案管理规定，删除这位党员的全部个人信息：姓名、电话、住址、健康与照护信息、同意记录和绑定的微信账号都删除，台账中的记录保留，姓名改为“已删除的党员（编号）”。`,
          '健康与照护信息：保存到本人撤回同意为止，撤回后即清除。',
          '微信身份：在您使用本小程序期间保存。',
          '邀请码：7 天内有效，用过即失效。',
          '系统运行记录：不记姓名和手机号，按网络安全法的要求保存六个月。',
          '为防止网络不好时重复提交而暂存的操作结果：七天后删除。',
        ],
      },
      {
        title: '六、撤回同意和您的权利',
        paragraphs: ['您（或代办家属）可以：'],
        items: [
          '查阅：在小程序里看本人的资料、出席、积分和送学记录。',
          '复制：在首页点“下载我的资料”，得到一份本人资料（电子表格）。',
          '更正：在首页点“我的信息有误，申请更正”，支部书记同意后生效；也可以直接告诉支部书记。结对联系人提出的修改，同样要经支部书记同意才生效。',
          '撤回同意：在“健康信息同意”里随时撤回，撤回后健康与照护信息即被清除，不再收集；微信提醒可以在微信里关闭；对照片和文件的授权，可以在小程序右上角“···”里的“设置”中管理。',
          '删除：可以请支部书记删除您的健康与照护信息（与撤回同意相同，马上删除）。其他资料是组织生活台账的一部分，按党员档案管理的规定保存；需要删除时，请向管理员提出，由组织按规定办理（见上面“五、保存多久”）。',
          '我们收到您的请求后，在十五个工作日内答复。',
        ],
      },
      {
        title: '七、有问题找谁',
        paragraphs: [],
        items: [
          `${r.secretary}：本支部的事，比如资料更正、健康信息、送学上门。`,
          `本组织的${r.admin}：账号、职务和谁能看到什么。`,
          operatorWords(operator),
        ],
      },
      {
        title: '八、政策更新',
        paragraphs: ['政策更新时，版本号和施行日期随之改变，本页显示新的全文。需要收集新的信息时，会先征得您的同意。'],
      },
    ],
  };
}
