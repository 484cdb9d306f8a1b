import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { deployedRoutes, type RouteSpec } from '@ltx/functions/routes';
import { Api } from '../constructs/api.js';
import { DataTable } from '../constructs/data-table.js';
import { AppSecrets } from '../constructs/secrets.js';

export interface BranchStackProps extends StackProps {
  /** WeChat mini-program AppID (public; CDK context `wechatAppId`). */
  wechatAppId: string;
  /** Defaults to `deployedRoutes`; local-only routes are rejected. */
  routes?: readonly RouteSpec[];
  /** Folder holding the handler modules; defaults to functions/src/handlers. */
  handlersDir?: string;
}

/** The whole cloud back end: one table, two secrets, one HTTP API with a Lambda per handler. */
export class BranchStack extends Stack {
  readonly data: DataTable;
  readonly secrets: AppSecrets;
  readonly api: Api;

  constructor(scope: Construct, id: string, props: BranchStackProps) {
    super(scope, id, props);
    if (!/^wx[0-9a-f]{16}$/i.test(props.wechatAppId)) {
      throw new Error(`wechatAppId must look like wx followed by 16 hex digits, got "${props.wechatAppId}"`);
    }

    this.data = new DataTable(this, 'Data');
    this.secrets = new AppSecrets(this, 'Secrets');
    this.api = new Api(this, 'Api', {
      routes: props.routes ?? deployedRoutes,
      data: this.data,
      signingKeySecret: this.secrets.signingKey,
      wechatSecret: this.secrets.wechatAppSecret,
      wechatAppId: props.wechatAppId,
      handlersDir: props.handlersDir,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'WechatSecretArn', {
      value: this.secrets.wechatAppSecret.secretArn,
      description: 'Fill with: aws secretsmanager put-secret-value --secret-id <this> --secret-string <AppSecret>',
    });
  }
}
