import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import path from 'node:path';
import { secretVariables } from '@ltx/functions/config/env';
import { repoRoot, rootLockFile } from '../paths.js';
import { ESM_REQUIRE_SHIM, LAMBDA_ARCHITECTURE, lambdaRuntimeFor, RUNTIME_PROVIDED_MODULES } from './api.js';
import type { DataKey } from './data-key.js';
import type { DataTable } from './data-table.js';
import { logRetentionOf } from './log-retention.js';

export interface ReminderJobProps {
  data: DataTable;
  /** Encrypts the job's log group. */
  key: DataKey;
  signingKeySecret: ISecret;
  /** The AppSecret: the job asks WeChat for an access token with it to send subscription messages. */
  wechatSecret: ISecret;
  /** Where the job publishes WeChat's access token for the functions that check content ("WeChat access token"). */
  wechatAccessToken: ISecret;
  environment: Readonly<Record<string, string>>;
  /** How long the job's logs are kept: six months unless said; less is refused. */
  logRetention?: RetentionDays;
  /** Subscription-message template ids WeChat issued (CDK context); a kind without one is skipped. */
  templates: { session?: string; material?: string; change?: string };
}

/**
 * Every 15 minutes: refreshes WeChat's access token (stable_token) and publishes it for the functions
 * that check content, then sends the reminders that are due as WeChat subscription messages
 * (functions/src/jobs/send-reminders.ts). Not behind the HTTP API.
 */
export class ReminderJob extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: ReminderJobProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: logRetentionOf('logRetention', props.logRetention), encryptionKey: props.key.key });
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: 'Runs the reminder job' });
    logGroup.grantWrite(role);
    // Puts and updates only (outbox states): no DeleteItem.
    props.data.grantReadWriteData(role);
    props.wechatSecret.grantRead(role);
    props.signingKeySecret.grantRead(role);
    // Reads the published token (to write only a changed one) and puts a new version: nothing else on that secret.
    props.wechatAccessToken.grantRead(role);
    role.addToPolicy(new PolicyStatement({ actions: ['secretsmanager:PutSecretValue'], resources: [props.wechatAccessToken.secretArn] }));
    this.fn = new NodejsFunction(this, 'Fn', {
      entry: path.join(repoRoot, 'functions', 'src', 'jobs', 'send-reminders.ts'),
      handler: 'handler',
      runtime: lambdaRuntimeFor(this),
      architecture: LAMBDA_ARCHITECTURE,
      memorySize: 512,
      timeout: Duration.minutes(5),
      role,
      logGroup,
      environment: {
        ...props.environment,
        [secretVariables.wechatAppSecret]: props.wechatSecret.secretArn,
        [secretVariables.wechatAccessToken]: props.wechatAccessToken.secretArn,
        ...(props.templates.session ? { REMINDER_TEMPLATE_SESSION: props.templates.session } : {}),
        ...(props.templates.material ? { REMINDER_TEMPLATE_MATERIAL: props.templates.material } : {}),
        ...(props.templates.change ? { REMINDER_TEMPLATE_CHANGE: props.templates.change } : {}),
      },
      projectRoot: repoRoot,
      depsLockFilePath: rootLockFile,
      bundling: { format: OutputFormat.ESM, minify: true, sourceMap: true, sourcesContent: false, mainFields: ['module', 'main'], banner: ESM_REQUIRE_SHIM, externalModules: RUNTIME_PROVIDED_MODULES, charset: Charset.UTF8 },
    });
    new Rule(this, 'Every15Minutes', { schedule: Schedule.rate(Duration.minutes(15)), targets: [new LambdaFunction(this.fn)] });
  }
}
