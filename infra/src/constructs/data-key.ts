import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Grant, PolicyStatement, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** The AWS services that use the key for a role, each named in that grant's `kms:ViaService` condition. */
export type KeyService = 'dynamodb' | 's3';

/**
 * The customer-managed key that encrypts the member data at rest: the table (and so its backups),
 * the upload bucket and the log groups. Ours rather than AWS-managed, so that who may use it is
 * written in this stack (the key policy and each role's grant), every use is in CloudTrail under
 * this key, and the operator can disable it. Rotated yearly by KMS (old material keeps decrypting).
 *
 * The key policy is CDK's default (the account may delegate use through IAM) plus CloudWatch Logs
 * of this account and region. A role gets only the operations its work needs, and only through the
 * service it works with (`grantVia`).
 */
export class DataKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the branch data: the DynamoDB table, the upload bucket and the CloudWatch log groups.',
      enableKeyRotation: true,
      // Deleting the key would make the table, its backups and the files unreadable for good.
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });

    // CloudWatch Logs encrypts and decrypts the log groups' data itself, as its regional service
    // principal (logs.<region>.amazonaws.com, .amazonaws.com.cn in China), with the log group's ARN as
    // encryption context: limited to this account's log groups in this region. Tokens, not literals,
    // so that the same template deploys in the aws and aws-cn partitions.
    const stack = Stack.of(this);
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsOfThisAccountAndRegion',
        principals: [new ServicePrincipal(`logs.${stack.region}.${stack.urlSuffix}`)],
        // The operations CloudWatch Logs documents for an encrypted log group.
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*` } },
      }),
    );
  }

  /**
   * Lets a role use the key for `actions`, and only when `service` asks on its behalf (a DynamoDB
   * request, an S3 request signed by the role): the role cannot call KMS with it directly.
   */
  grantVia(grantee: IGrantable, service: KeyService, actions: string[]): void {
    const stack = Stack.of(this);
    Grant.addToPrincipal({
      grantee,
      actions,
      resourceArns: [this.key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `${service}.${stack.region}.${stack.urlSuffix}` } },
    });
  }
}
