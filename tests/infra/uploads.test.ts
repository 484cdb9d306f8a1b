import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { OrgRepository } from '../../functions/src/repositories/org-repository';
import type { UploadRepository } from '../../functions/src/repositories/upload-repository';
import { UploadService } from '../../functions/src/services/upload-service';
import type { UploadSpec, UploadStore } from '../../functions/src/uploads/upload-store';
import { UPLOAD_KEY_PREFIX } from '../../infra/src/constructs/upload-bucket';
import type { BranchStack } from '../../infra/src/stacks/branch-stack';
import { buildStack } from './helpers';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Principal?: unknown; Resource: unknown; Condition?: Record<string, any> };

let stack: BranchStack;
let template: Template;
let buckets: Record<string, Resource>;
let policies: Resource[];

beforeAll(() => {
  ({ stack, template } = buildStack());
  buckets = template.findResources('AWS::S3::Bucket') as Record<string, Resource>;
  policies = Object.values(template.findResources('AWS::S3::BucketPolicy')) as Resource[];
});

const logicalId = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const uploadBucket = () => buckets[logicalId(stack.uploads.bucket)]!;
const logBucket = () => buckets[logicalId(stack.uploads.accessLogs)]!;
const statementsFor = (construct: IConstruct): Statement[] => {
  const policy = policies.find((p) => p.Properties.Bucket.Ref === logicalId(construct));
  expect(policy, construct.node.path).toBeDefined();
  return policy!.Properties.PolicyDocument.Statement as Statement[];
};

describe('upload bucket', () => {
  it('is one private bucket plus its access-log bucket, and nothing else (beside the web console\'s site, tests/infra/web-console.test.ts)', () => {
    expect(Object.keys(buckets).sort()).toEqual([logicalId(stack.uploads.bucket), logicalId(stack.uploads.accessLogs), logicalId(stack.console.bucket)].sort());
  });

  it('blocks all public access and disables ACLs, on both buckets', () => {
    for (const b of [uploadBucket(), logBucket()]) {
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(b.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
      expect(b.Properties.AccessControl).toBeUndefined();
      expect(b.Properties.WebsiteConfiguration).toBeUndefined();
    }
  });

  it('encrypts the files with the customer-managed key (bucket key on), the access logs with S3-managed keys (log delivery needs them)', () => {
    expect(uploadBucket().Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [logicalId(stack.key.key), 'Arn'] } } },
      ],
    });
    expect(logBucket().Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
  });

  it('denies every request without TLS on both buckets, and below TLS 1.2 on the upload bucket', () => {
    for (const construct of [stack.uploads.bucket, stack.uploads.accessLogs]) {
      const deny = statementsFor(construct).find((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false');
      expect(deny, construct.node.path).toMatchObject({ Action: 's3:*', Principal: { AWS: '*' } });
      expect(JSON.stringify(deny!.Resource)).toContain('/*'); // objects too, not only the bucket
    }
    const tls = statementsFor(stack.uploads.bucket).find((s) => s.Effect === 'Deny' && s.Condition?.NumericLessThan?.['s3:TlsVersion'] !== undefined);
    expect(tls?.Condition?.NumericLessThan['s3:TlsVersion']).toBe(1.2);
  });

  it('allows nobody in through a bucket policy but S3 log delivery into the log bucket, from the uploads and the console site alone', () => {
    expect(statementsFor(stack.uploads.bucket).filter((s) => s.Effect === 'Allow')).toEqual([]);
    const allows = statementsFor(stack.uploads.accessLogs).filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(2);
    for (const allow of allows) expect(allow).toMatchObject({ Action: 's3:PutObject', Principal: { Service: 'logging.s3.amazonaws.com' } });
    expect(allows.map((a) => a.Condition?.ArnLike?.['aws:SourceArn']).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))))
      .toEqual([{ 'Fn::GetAtt': [logicalId(stack.console.bucket), 'Arn'] }, { 'Fn::GetAtt': [logicalId(stack.uploads.bucket), 'Arn'] }].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
  });

  it('writes server access logs to the log bucket', () => {
    expect(uploadBucket().Properties.LoggingConfiguration).toMatchObject({
      DestinationBucketName: { Ref: logicalId(stack.uploads.accessLogs) },
      LogFilePrefix: expect.any(String),
    });
  });

  it('allows only POST from browsers (CORS), for the H5 upload form', () => {
    const rules = uploadBucket().Properties.CorsConfiguration.CorsRules as { AllowedMethods: string[]; AllowedOrigins: string[] }[];
    expect(rules).toHaveLength(1);
    expect(rules[0]!.AllowedMethods).toEqual(['POST']);
    expect(rules[0]!.AllowedOrigins).toEqual(['*']);
    expect(logBucket().Properties.CorsConfiguration).toBeUndefined();
  });

  it('narrows CORS to the configured origins', () => {
    const { template: t } = buildStack({ uploadCorsOrigins: ['https://h5.example.org'] });
    const b = Object.values(t.findResources('AWS::S3::Bucket') as Record<string, Resource>).find((x) => x.Properties.CorsConfiguration)!;
    expect(b.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins).toEqual(['https://h5.example.org']);
  });

  it('never expires attachments; cleans abandoned multipart parts; expires access logs', () => {
    const rules = uploadBucket().Properties.LifecycleConfiguration.Rules as Record<string, any>[];
    for (const r of rules) {
      expect(r.ExpirationInDays).toBeUndefined();
      expect(r.ExpirationDate).toBeUndefined();
    }
    expect(rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }));
    const logRules = logBucket().Properties.LifecycleConfiguration.Rules as Record<string, any>[];
    expect(logRules).toContainEqual(expect.objectContaining({ Status: 'Enabled', ExpirationInDays: expect.any(Number) }));
  });

  it('is retained, with its access logs, when the stack or resource goes away', () => {
    for (const b of [uploadBucket(), logBucket()]) {
      expect(b.DeletionPolicy).toBe('Retain');
      expect(b.UpdateReplacePolicy).toBe('Retain');
    }
    // autoDeleteObjects would add a custom resource that empties the bucket on delete.
    expect(Object.keys(template.findResources('Custom::S3AutoDeleteObjects'))).toEqual([]);
  });

  it('outputs the bucket name and the domain clients talk to', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.UploadBucketName?.Value).toEqual({ Ref: logicalId(stack.uploads.bucket) });
    expect(JSON.stringify(outputs.UploadDomain?.Value)).toContain('RegionalDomainName');
  });
});

describe('upload keys', () => {
  it('are written by UploadService under the prefix the grants name', async () => {
    const presigned: UploadSpec[] = [];
    const store: UploadStore = {
      presign: async (spec) => (presigned.push(spec), { url: 'https://example.invalid/', fields: {} }),
      head: async () => undefined,
      downloadUrl: async () => '',
      read: async () => undefined,
      remove: async () => {},
    };
    const repo: UploadRepository = { put: async () => {}, get: async () => undefined, startCheck: async () => 'started', idForTrace: async () => undefined, decideCheck: async () => 'unchanged' };
    const orgs = { getBranch: async (id: string) => ({ id, orgId: 'org-1' }) } as unknown as OrgRepository;
    const service = new UploadService(repo, store, orgs);
    await service.createTicket({ userId: 'u-1', role: 'secretary', orgId: 'org-1', branchId: 'branch-1' }, { contentType: 'image/png', size: 1000, name: 'a.png' });
    expect(presigned).toHaveLength(1);
    expect(presigned[0]!.key.startsWith(UPLOAD_KEY_PREFIX)).toBe(true);
    expect(presigned[0]!.key).toMatch(/^uploads\/branch-1\/[0-9a-f-]{36}$/);
  });
});
