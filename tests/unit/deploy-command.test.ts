import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { offlineRunner, repoRoot as root, worktreeState } from '../support/offline-run';

/**
 * `npm run deploy -- --stage prod`, run as the operator runs it. A dry run prints the plan and runs nothing:
 * every program it could call is a tripwire (tests/support/offline-run.ts), no AWS credentials are in the
 * environment, and the worktree is the same afterwards. A stage that lacks what a deployment needs is refused
 * before anything runs, naming the setting in Chinese.
 */
const runner = offlineRunner('ltx-deploy-test-');
const checkedIn = JSON.parse(readFileSync(path.join(root, 'config/stages.json'), 'utf8'));
const complete = {
  ...checkedIn,
  prod: {
    ...checkedIn.prod,
    account: '123456789012',
    wechatAppId: 'wx0123456789abcdef',
    domain: 'dangzhibu.example.cn',
    certificateArn: 'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/0b1c2d3e-0000-4000-8000-123456789abc',
    apiOrigin: 'https://api.dangzhibu.example.cn',
    alarmEmails: ['ops@dangzhibu.example.cn'],
  },
};

const deploy = (stages: unknown, args: string[]) => runner.run('deploy', args, { LTX_STAGES_FILE: runner.stagesFile(stages) });

afterAll(() => runner.cleanup());

// Each case starts a Node process with tsx (a few seconds on a busy 2-core machine).
describe('npm run deploy -- --dry-run', { timeout: 30_000 }, () => {
  it('prints the region, account, domain, every command and the WeChat domains, and runs none of them', () => {
    const before = worktreeState();
    const r = deploy(complete, ['--stage', 'prod', '--dry-run']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout;
    for (const expected of [
      '区域：cn-northwest-1（AWS 中国，分区 aws-cn）',
      'AWS 账号：123456789012',
      '堆栈：LtxBranch',
      '域名：dangzhibu.example.cn（接口 https://api.dangzhibu.example.cn/api/v1，附件 https://api.dangzhibu.example.cn/files）',
      'npm run typecheck',
      'npm run lint',
      'npx vitest run --project unit',
      '(cd infra && CDK_DISABLE_CLI_TELEMETRY=true CDK_DISABLE_VERSION_CHECK=1 AWS_REGION=cn-northwest-1 AWS_DEFAULT_REGION=cn-northwest-1 npx cdk deploy -c stage=prod --require-approval never --no-notices --outputs-file ../.deploy/prod-outputs.json)',
      'LTX_STAGE=prod npm run build:weapp',
      '上传小程序（miniprogram-ci，机器人 1',
      '未设置 WECHAT_CI_PRIVATE_KEY_PATH',
      'request 合法域名：https://api.dangzhibu.example.cn',
      'uploadFile 合法域名：https://api.dangzhibu.example.cn',
      'downloadFile 合法域名：https://api.dangzhibu.example.cn',
      '用户隐私保护指引',
      '提交审核',
      'ops@dangzhibu.example.cn 各自点开 AWS 发来的确认邮件',
      '以上命令一条也没有执行',
    ]) {
      expect(out).toContain(expected);
    }
    // The steps in order: tests, then the stack, then the build and the upload.
    expect(out.indexOf('npm run typecheck')).toBeLessThan(out.indexOf('npx cdk deploy'));
    expect(out.indexOf('npx cdk deploy')).toBeLessThan(out.indexOf('npm run build:weapp'));
    expect(runner.tripped()).toEqual([]);
    expect(existsSync(path.join(root, '.deploy'))).toBe(false);
    expect(worktreeState()).toBe(before);
  });

  it.each([
    ['account', { account: undefined }],
    ['wechatAppId', { wechatAppId: 'wx0000000000000000' }],
    ['domain', { domain: undefined, certificateArn: undefined }],
    ['certificateArn', { certificateArn: undefined }],
    ['apiOrigin', { apiOrigin: undefined }],
    ['alarmEmails', { alarmEmails: [] }],
    ['certificateArn', { certificateArn: 'arn:aws-cn:acm:cn-north-1:123456789012:certificate/0b1c2d3e-0000-4000-8000-123456789abc' }],
  ])('refuses a stage without a usable %s, naming it, before running anything', (field, change) => {
    const r = deploy({ ...complete, prod: { ...complete.prod, ...change } }, ['--stage', 'prod', '--dry-run']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`${field}：`), r.stderr).toBe(true);
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(runner.tripped()).toEqual([]);
  });

  it('refuses the checked-in prod stage (no account yet) and an unknown stage', () => {
    expect(deploy(checkedIn, ['--stage', 'prod', '--dry-run']).stderr).toMatch(/^account：/);
    expect(deploy(complete, ['--stage', 'local', '--dry-run']).stderr).toMatch(/^--stage：/);
  });

  it('refuses a real deployment without the robot key before any step runs', () => {
    const r = deploy(complete, ['--stage', 'prod']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^WECHAT_CI_PRIVATE_KEY_PATH：/);
    expect(runner.tripped()).toEqual([]);
  });

  // Last: it trips the wire.
  it('runs the steps in order in a real deployment and stops at the first that fails, saying which', () => {
    // The tripwire npm fails, as a failing typecheck would: nothing after it (cdk, the build, the upload) starts.
    const r = runner.run('deploy', ['--stage', 'prod'], { LTX_STAGES_FILE: runner.stagesFile(complete), WECHAT_CI_PRIVATE_KEY_PATH: '/nonexistent/private.key' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('第 1 步「类型检查」失败');
    expect(runner.tripped()).toEqual(['npm run typecheck']);
  });
});
