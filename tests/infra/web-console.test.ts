import { describe, expect, it } from 'vitest';
import type { PolicyValidationPluginReport } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { ConsoleSite } from '@ltx/shared/config/stages';
import type { BranchStack } from '../../infra/src/stacks/branch-stack';
import { buildStack } from './helpers';

/**
 * The web console (infra/src/constructs/web-console.ts) on the synthesized templates: a private bucket that only
 * CloudFront reads, HTTPS only, on the stage's console domain with its certificate; in AWS China only with an
 * ICP-filed domain and an IAM certificate, read through an origin access identity; cdk-nag clean in every shape.
 */
type Json = Record<string, any>;
const resourcesOf = (template: Json, type: string): Json[] => Object.values(template.Resources as Record<string, Json>).filter((r) => r.Type === type);

const globalSite: ConsoleSite = { domainName: 'console.example.cn', acmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abcd-1234' };
const chinaSite: ConsoleSite = { domainName: 'console.example.cn', iamCertificateId: 'ASCAEXAMPLE1234567890' };

function build(region: string | undefined, site?: ConsoleSite): { stack: BranchStack; template: Json } {
  const { stack, template } = buildStack({ ...(region ? { env: { account: '123456789012', region } } : {}), ...(site ? { console: site } : {}) });
  return { stack, template: template.toJSON() as Json };
}

const findings = (report: PolicyValidationPluginReport) => report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`));

/** The site bucket: the one bucket whose access logs go under `web-console/`. */
const siteBucket = (template: Json) => resourcesOf(template, 'AWS::S3::Bucket').find((b) => b.Properties?.LoggingConfiguration?.LogFilePrefix === 'web-console/')!;

describe('web console static site', () => {
  it('keeps the site bucket private, encrypted and TLS-only, logging to the access-log bucket', () => {
    const { template } = build('eu-west-1', globalSite);
    const bucket = siteBucket(template);
    expect(bucket).toBeDefined();
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('in a global region serves it through CloudFront with origin access control, HTTPS only, on the console domain with TLS 1.2', () => {
    const { template } = build('eu-west-1', globalSite);
    const [distribution] = resourcesOf(template, 'AWS::CloudFront::Distribution');
    const config = distribution!.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['console.example.cn']);
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.ViewerCertificate).toMatchObject({ AcmCertificateArn: globalSite.acmCertificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.Restrictions.GeoRestriction).toEqual({ Locations: ['CN'], RestrictionType: 'whitelist' });
    expect(resourcesOf(template, 'AWS::CloudFront::OriginAccessControl')).toHaveLength(1);
    expect(config.Origins[0].OriginAccessControlId).toBeDefined();
    // Only CloudFront, and only this distribution, may read the bucket.
    const reads = resourcesOf(template, 'AWS::S3::BucketPolicy').flatMap((p) => p.Properties.PolicyDocument.Statement as Json[]).filter((s) => s.Principal?.Service === 'cloudfront.amazonaws.com');
    expect(reads).toHaveLength(1);
    expect(reads[0]!.Action).toBe('s3:GetObject');
    expect(JSON.stringify(reads[0]!.Condition)).toContain('AWS:SourceArn');
  });

  it('lets the console domain call the API from the browser, and nobody else', () => {
    const withSite = build('eu-west-1', globalSite).template;
    const [api] = resourcesOf(withSite, 'AWS::ApiGatewayV2::Api');
    expect(api!.Properties.CorsConfiguration.AllowOrigins).toEqual(['https://console.example.cn']);
    expect(api!.Properties.CorsConfiguration.AllowHeaders).toContain('authorization');
    const [plain] = resourcesOf(build('eu-west-1').template, 'AWS::ApiGatewayV2::Api');
    expect(plain!.Properties.CorsConfiguration).toBeUndefined();
  });

  it('in AWS China without an ICP-filed domain and IAM certificate makes only the bucket, and says so', () => {
    const { template } = build('cn-northwest-1');
    expect(siteBucket(template)).toBeDefined();
    expect(resourcesOf(template, 'AWS::CloudFront::Distribution')).toHaveLength(0);
    expect(Object.keys(template.Outputs).some((k) => k.includes('ConsoleNotServed'))).toBe(true);
  });

  it('in AWS China serves the filed domain with the IAM certificate, through an origin access identity, partition-neutral', () => {
    const { template } = build('cn-northwest-1', chinaSite);
    const [distribution] = resourcesOf(template, 'AWS::CloudFront::Distribution');
    const config = distribution!.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['console.example.cn']);
    expect(config.ViewerCertificate).toEqual({ IamCertificateId: chinaSite.iamCertificateId, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' });
    expect(resourcesOf(template, 'AWS::CloudFront::OriginAccessControl')).toHaveLength(0);
    expect(resourcesOf(template, 'AWS::CloudFront::CloudFrontOriginAccessIdentity')).toHaveLength(1);
    expect(JSON.stringify(template)).not.toContain('arn:aws:');
  });

  it.each([
    ['a global stage without a console domain', undefined, undefined],
    ['a global stage with one', 'eu-west-1', globalSite],
    ['an AWS China stage without one', 'cn-northwest-1', undefined],
    ['an AWS China stage with one', 'cn-northwest-1', chinaSite],
  ] as const)('leaves cdk-nag clean on %s, each acknowledgement with a reason', (_name, region, site) => {
    const { stack } = build(region, site);
    expect(findings(new AwsSolutionsChecks(stack).validateScope(stack))).toEqual([]);
  });
});
