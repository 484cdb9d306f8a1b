import { readFileSync } from 'node:fs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { parseStages, type StageConfigs } from '@ltx/shared/config/stages';
import { stageDomainOf } from '@ltx/shared/config/domains';
import { repoRoot } from './paths.js';
import type { BranchStackProps } from './stacks/branch-stack.js';

/** The deployed stages' settings, read and checked once (config/stages.json). */
export function readStages(file = `${repoRoot}/config/stages.json`): StageConfigs {
  return parseStages(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * A deployed stage's stack: its name and its props from the stage's entry. The account is the stage's, or
 * the deploying credentials' (`CDK_DEFAULT_ACCOUNT`); the region is always the stage's, so the synthesized
 * template is that region's (partition, runtime).
 */
export function stackFor(configs: StageConfigs, stage: 'dev' | 'prod', account = process.env.CDK_DEFAULT_ACCOUNT): { stackName: string; props: BranchStackProps } {
  const s = configs[stage];
  const domain = stageDomainOf(s);
  return {
    stackName: s.stackName,
    props: {
      description: `离退休干部党支部 mini-program back end, ${stage} stage (Lambda + DynamoDB + S3 + HTTP API)`,
      wechatAppId: s.wechatAppId,
      reminderTemplates: s.reminderTemplates,
      // CloudWatch's retention values are days (config/stages.json offers only the ones it accepts).
      logRetention: s.logRetentionDays as RetentionDays,
      throttle: s.throttle,
      alarmEmails: s.alarmEmails,
      ...(s.uploadCorsOrigins ? { uploadCorsOrigins: s.uploadCorsOrigins } : {}),
      ...(s.wechatCheckOpenId ? { wechatCheckOpenId: s.wechatCheckOpenId } : {}),
      wechatCodeVersion: s.wechatCodeVersion,
      ...(domain ? { domain } : {}),
      ...(s.console ? { console: s.console } : {}),
      env: { account: s.account ?? account, region: s.region },
    },
  };
}
