import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BranchStack } from './stacks/branch-stack.js';

const app = new App();

const wechatAppId = String(app.node.tryGetContext('wechatAppId') ?? 'wx0000000000000000');
const stackName = String(app.node.tryGetContext('stackName') ?? 'LtxBranch');
// Optional: bundle the domain modules from another folder (tests bundle a probe in their place).
const apiDir = app.node.tryGetContext('apiDir') as string | undefined;
// Optional: browser origins allowed to POST upload forms (comma-separated, or a JSON list in cdk.json).
const corsContext = app.node.tryGetContext('uploadCorsOrigins') as string | string[] | undefined;
const uploadCorsOrigins =
  corsContext === undefined ? undefined : (Array.isArray(corsContext) ? corsContext : String(corsContext).split(',')).map((o) => o.trim()).filter(Boolean);

new BranchStack(app, stackName, {
  description: '离退休干部党支部 mini-program back end (Lambda + DynamoDB + S3 + HTTP API)',
  wechatAppId,
  apiDir,
  uploadCorsOrigins,
  // WeChat subscription-message template ids; reminders of a kind without one are not sent.
  reminderTemplates: {
    session: app.node.tryGetContext('reminderTemplateSession') as string | undefined,
    material: app.node.tryGetContext('reminderTemplateMaterial') as string | undefined,
  },
  // Optional: the organisation's service openid, for content checks of authors WeChat knows no openid of.
  wechatCheckOpenId: app.node.tryGetContext('wechatCheckOpenId') as string | undefined,
  // Unset offline: the stack is environment-agnostic until deployed with credentials.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});

Tags.of(app).add('project', 'ltx-branch');

// cdk-nag 3 is a policy-validation plugin: any unacknowledged finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
