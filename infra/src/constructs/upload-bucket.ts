import { CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { DataKey } from './data-key.js';
import { atLeastSixMonths } from './log-retention.js';

/**
 * Every key the back end writes starts with this (`uploads/<branchId>/<uuid>`, built in
 * functions/src/services/upload-service.ts; tests/infra/uploads.test.ts checks the two agree).
 * The function grants name this prefix, never the whole bucket.
 */
export const UPLOAD_KEY_PREFIX = 'uploads/';

/**
 * What a route does with attachment files (`presign`, `read`, `check`), declared per route in
 * functions/src/api/<domain>.ts; `uploadAccessOf` in api.ts turns a domain's into its grants.
 */
export type { UploadAccess } from '@ltx/functions/api/declare';
import type { UploadAccess } from '@ltx/functions/api/declare';

export interface UploadBucketProps {
  /** Encrypts the attachments (SSE-KMS). */
  key: DataKey;
  /**
   * Origins allowed to POST the presigned form from a browser (the H5 build). Default `['*']`:
   * the signed policy, not the Origin header, decides who may write, so CORS adds no protection
   * here; it only lets a browser read S3's answer. See docs/deploy.md for `withCredentials`.
   */
  corsOrigins?: string[];
  /** How long S3 server access logs are kept. Default one year; less than six months is refused. */
  accessLogRetention?: Duration;
}

/**
 * Attachments (meeting photos, PDFs). Private: clients upload with a presigned POST form and read
 * through short-lived presigned GET links, both signed by a function's role. S3 server access
 * logs go to a second private bucket, so downloads of these files can be traced.
 */
export class UploadBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  private readonly key: DataKey;

  constructor(scope: Construct, id: string, props: UploadBucketProps) {
    super(scope, id);
    this.key = props.key;
    const accessLogRetention = props.accessLogRetention ?? Duration.days(365);
    atLeastSixMonths('accessLogRetention', accessLogRetention.toDays());

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // SSE-S3, not the customer key: S3 server access logging delivers only into a target bucket
      // encrypted with S3-managed keys (SSE-KMS targets are not supported). The logs hold request
      // metadata (keys, times, requesters), never the files.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: accessLogRetention }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // cdk-nag S1 does not flag this bucket: it recognises it as the upload bucket's log target.

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // SSE-KMS under the data key. Presigned POST and GET are S3 requests signed by a function's
      // role, so that role needs the key too: kms:GenerateDataKey to upload, kms:Decrypt to read
      // (`grant`). A bucket key keeps the KMS requests (and their cost) to a few per bucket.
      encryption: BucketEncryption.KMS,
      encryptionKey: props.key.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // No versioning (cdk-nag AwsSolutions does not ask for it): each upload gets a new random
      // key, a presigned form lapses after 10 minutes, and a deleted member's signed consent form (the
      // only file any role may delete) must be gone, not kept as an old version.
      versioned: false,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'upload-bucket/',
      cors: [
        {
          // Only the H5 build needs this (wx.uploadFile is not a browser request). Taro's H5
          // uploadFile listens to upload progress, so the browser sends a preflight first.
          allowedMethods: [HttpMethods.POST],
          allowedOrigins: props.corsOrigins ?? ['*'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        {
          // Presigned POST never uses multipart, but s3:PutObject also allows starting one:
          // never keep (and pay for) the invisible parts of an abandoned multipart upload.
          id: 'abort-incomplete-multipart',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        // No expiry: attached files are part of the branch's meeting records.
      ],
      // Files are the branch's only copy of its meeting photos and minutes attachments.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** ARN pattern of the keys the back end writes: `arn:...:bucket/uploads/*`. */
  get uploadObjectsArn(): string {
    return this.bucket.arnForObjects(`${UPLOAD_KEY_PREFIX}*`);
  }

  grant(grantee: IGrantable, access: UploadAccess): void {
    const actions = access === 'presign' ? ['s3:PutObject'] : access === 'erase' ? ['s3:DeleteObject'] : ['s3:GetObject'];
    Grant.addToPrincipal({ grantee, actions, resourceArns: [this.uploadObjectsArn] });
    // Deleting needs no key: S3 removes the object without decrypting it.
    if (access === 'erase') return;
    // S3 encrypts an upload under a new data key, and decrypts a file for a GET, as the signing role.
    this.key.grantVia(grantee, 's3', access === 'presign' ? ['kms:GenerateDataKey'] : ['kms:Decrypt']);
    if (access === 'check') {
      // HeadObject on a key nobody uploaded to answers 403 without s3:ListBucket and 404 with it;
      // the store (functions/src/uploads/s3-upload-store.ts) treats only 404 as "not uploaded".
      // Without this, a form the user never sent would fail the request with a 500 instead of
      // the friendly "please upload again". No s3:prefix condition: HeadObject carries none, so
      // a conditioned grant would not count. Listing reveals only key names, which these roles
      // can read from the table anyway.
      Grant.addToPrincipal({ grantee, actions: ['s3:ListBucket'], resourceArns: [this.bucket.bucketArn] });
    }
  }

  /**
   * The cdk-nag IAM5 finding id for a grant on `uploads/*` (cdk-nag prints the bucket ARN as
   * `<LogicalId.Arn>`), for a granular acknowledgement.
   */
  get iam5FindingId(): string {
    const logicalId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnElement);
    return `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${UPLOAD_KEY_PREFIX}*]`;
  }
}
