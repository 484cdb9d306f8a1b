/**
 * What `npm run deploy -- --stage <stage>` does, worked out before anything runs: the stage's settings checked
 * for what a deployment needs (each refusal names the setting, in Chinese), the commands in order, and what the
 * operator must still do in WeChat's console. `scripts/deploy.ts` prints it (`--dry-run`) or runs it.
 */
import { stageDomainOf, StageSettingError, wechatServerDomains, type StageDomain, type WechatServerDomains } from '../../shared/src/config/domains';
import { isChinaRegion, type DeployedStage, type StageConfigs } from '../../shared/src/config/stages';

export interface DeployArgs {
  stage: string;
  dryRun: boolean;
  /** The version WeChat shows for the upload (版本号). */
  version: string;
  /** The upload's description (项目备注). */
  desc: string;
  /** 1–30: which of the AppID's CI robots uploads. */
  robot: number;
}

export interface Command {
  /** What the step is, for the operator. */
  title: string;
  argv: string[];
  cwd?: string;
  env?: Record<string, string>;
}

export interface DeployPlan {
  stage: 'dev' | 'prod';
  settings: DeployedStage;
  domain: StageDomain;
  wechatDomains: WechatServerDomains;
  /** Run in order; the first to fail stops the deployment. */
  commands: Command[];
  /** The upload with miniprogram-ci (in this process, not a command). */
  upload: { appid: string; projectPath: string; version: string; desc: string; robot: number; privateKeyPath: string | undefined };
  outputsFile: string;
}

/** The robot key (小程序代码上传密钥) file, downloaded from WeChat's console; never in the repository. */
export const privateKeyVariable = 'WECHAT_CI_PRIVATE_KEY_PATH';
/** The AppID the checked-in config carries until the operator enters theirs. */
const placeholderAppId = 'wx0000000000000000';

export class DeployRefusal extends Error {}

/** Reads `--stage prod --dry-run --version 1.2.0 --desc … --robot 2`. */
export function parseDeployArgs(argv: string[]): DeployArgs {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const robot = Number(value('--robot') ?? '1');
  if (!Number.isInteger(robot) || robot < 1 || robot > 30) throw new DeployRefusal('--robot：上传机器人编号是 1 到 30 的整数');
  return {
    stage: value('--stage') ?? '',
    dryRun: argv.includes('--dry-run'),
    version: value('--version') ?? '',
    desc: value('--desc') ?? '',
    robot,
  };
}

/** The plan, or a refusal naming the first missing or wrong setting. */
export function planDeploy(configs: StageConfigs, args: DeployArgs, env: Record<string, string | undefined>, defaults: { version: string }): DeployPlan {
  const stage = args.stage;
  if (stage !== 'dev' && stage !== 'prod') throw new DeployRefusal(`--stage：请写 dev 或 prod（本机的 local 不部署，用 npm start），现在是「${stage}」`);
  const s = configs[stage];
  const field = (name: string, message: string) => new DeployRefusal(`${name}：${message}（config/stages.json 的 ${stage}，见 docs/deploy.md）`);
  if (!s.account) throw field('account', '请填写部署到的 AWS 账号（12 位数字），以免部署到凭证所属的别的账号');
  if (s.wechatAppId.toLowerCase() === placeholderAppId) throw field('wechatAppId', '还是占位值，请填写小程序的 AppID');
  if (!s.domain) throw field('domain', '请填写已备案的域名（如 example.cn）：微信只允许调用已备案并在后台登记的域名');
  let domain: StageDomain;
  try {
    domain = stageDomainOf(s)!;
  } catch (error) {
    if (error instanceof StageSettingError) throw field(error.message.split('：')[0]!, error.message.split('：').slice(1).join('：'));
    throw error;
  }
  if (!s.apiOrigin) throw field('apiOrigin', `请填写 ${domain.origin}：小程序的构建从这里取接口地址`);
  // Production is watched: its alarms (docs/runbook.md) must reach somebody.
  if (stage === 'prod' && s.alarmEmails.length === 0) throw field('alarmEmails', '请至少填写一个接收告警邮件的地址（如 ops@example.cn）：系统出错时要有人知道');
  const privateKeyPath = env[privateKeyVariable] || undefined;
  if (!args.dryRun && !privateKeyPath) throw new DeployRefusal(`${privateKeyVariable}：请在环境变量中给出小程序代码上传密钥文件的路径（微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传）`);

  const outputsFile = `.deploy/${stage}-outputs.json`;
  const cdkEnv = { CDK_DISABLE_CLI_TELEMETRY: 'true', CDK_DISABLE_VERSION_CHECK: '1', AWS_REGION: s.region, AWS_DEFAULT_REGION: s.region };
  const commands: Command[] = [
    { title: '类型检查', argv: ['npm', 'run', 'typecheck'] },
    { title: '代码检查', argv: ['npm', 'run', 'lint'] },
    { title: '单元测试', argv: ['npx', 'vitest', 'run', '--project', 'unit'] },
    {
      title: `部署 AWS 堆栈 ${s.stackName}（${s.region}，账号 ${s.account}）`,
      argv: ['npx', 'cdk', 'deploy', '-c', `stage=${stage}`, '--require-approval', 'never', '--no-notices', '--outputs-file', `../${outputsFile}`],
      cwd: 'infra',
      env: cdkEnv,
    },
    { title: `构建小程序（接口 ${s.apiOrigin}）`, argv: ['npm', 'run', 'build:weapp'], env: { LTX_STAGE: stage } },
  ];
  return {
    stage,
    settings: s,
    domain,
    wechatDomains: wechatServerDomains(domain),
    commands,
    upload: { appid: s.wechatAppId, projectPath: 'miniapp/dist/weapp', version: args.version || defaults.version, desc: args.desc || `${stage} 部署`, robot: args.robot, privateKeyPath },
    outputsFile,
  };
}

const shell = (c: Command) => `${c.cwd ? `(cd ${c.cwd} && ` : ''}${Object.entries(c.env ?? {}).map(([k, v]) => `${k}=${v} `).join('')}${c.argv.join(' ')}${c.cwd ? ')' : ''}`;

/** The plan in the operator's words: where it goes, each command, the upload, and the domains to enter. */
export function describePlan(plan: DeployPlan): string {
  const s = plan.settings;
  const lines = [
    `部署阶段：${plan.stage}`,
    `区域：${s.region}（${isChinaRegion(s.region) ? 'AWS 中国，分区 aws-cn' : '全球区域，分区 aws'}）`,
    `AWS 账号：${s.account}`,
    `堆栈：${s.stackName}`,
    `域名：${plan.domain.domain}（接口 ${plan.domain.origin}/api/v1，附件 ${plan.domain.filesBaseUrl}）`,
    `证书：${plan.domain.certificateArn}`,
    `小程序 AppID：${s.wechatAppId}`,
    '',
    '将依次执行：',
    ...plan.commands.map((c, i) => `  ${i + 1}. ${c.title}\n     ${shell(c)}`),
    `  ${plan.commands.length + 1}. 上传小程序（miniprogram-ci，机器人 ${plan.upload.robot}，版本 ${plan.upload.version}，备注「${plan.upload.desc}」）`,
    `     代码目录 ${plan.upload.projectPath}，密钥 ${plan.upload.privateKeyPath ?? `（未设置 ${privateKeyVariable}：正式部署前必须设置）`}`,
    '',
    ...operatorTodo(plan),
  ];
  return lines.join('\n');
}

/** What only a person can do in WeChat's console and at the DNS provider afterwards. */
export function operatorTodo(plan: DeployPlan): string[] {
  const d = plan.wechatDomains;
  return [
    '部署后还需人工完成：',
    `  1. DNS：为 ${plan.domain.apiHost} 添加 CNAME 记录，指向堆栈输出 DnsRecord 中的 API Gateway 地址（${plan.outputsFile}）。`,
    '  2. 微信公众平台 → 开发管理 → 开发设置 → 服务器域名：',
    `     request 合法域名：${d.request.join('；')}`,
    `     uploadFile 合法域名：${d.uploadFile.join('；')}`,
    `     downloadFile 合法域名：${d.downloadFile.join('；')}`,
    `  3. 消息推送：URL ${plan.domain.origin}/api/v1/wechat/push，令牌取堆栈输出 WechatPushTokenArn 的值（docs/deploy.md）。`,
    '  4. 设置 → 服务内容声明 → 用户隐私保护指引：按 docs/privacy.md 第 3 节填写（相册、相机、文件）。',
    '  5. 版本管理：把刚上传的开发版设为体验版试用，再提交审核；审核通过后发布。',
    '  6. 首次部署：写入 AppSecret（WechatSecretArn），并用 npm run admin -- bootstrap 创建第一个管理员（docs/deploy.md）。',
    `  7. 告警邮件：${plan.settings.alarmEmails.length ? plan.settings.alarmEmails.join('、') : '（未设置）'} 各自点开 AWS 发来的确认邮件，之后才收得到告警（docs/runbook.md）。`,
    ...(plan.settings.console
      ? [`  8. 网页版（${plan.settings.console.domainName}）：LTX_STAGE=${plan.stage} npm run build:h5，再 aws s3 sync miniapp/dist/h5 s3://<堆栈输出 ConsoleBucketName> --delete（docs/deploy.md「The web console」）。`]
      : []),
  ];
}
