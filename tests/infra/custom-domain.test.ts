import { describe, expect, it } from 'vitest';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseStages } from '@ltx/shared/config/stages';
import { readStages, stackFor } from '../../infra/src/stage-props';
import { buildStack } from './helpers';

/**
 * The stage's own domain on the synthesized templates of an AWS China stage and a global one: the HTTP API at
 * https://api.<domain> with the stage's certificate, and the attachments on the same host (presigned S3
 * requests proxied to the bucket), so WeChat's three domain lists hold that one origin.
 */
type Json = Record<string, any>;
const resourcesOf = (template: Json, type: string): Json[] => Object.values(template.Resources as Record<string, Json>).filter((r) => r.Type === type);

const stages = {
  china: { region: 'cn-northwest-1', domain: 'dangzhibu.example.cn', certificateArn: 'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/0b1c2d3e-0000-4000-8000-123456789abc' },
  global: { region: 'ap-east-1', domain: 'dangzhibu.example.com', certificateArn: 'arn:aws:acm:ap-east-1:123456789012:certificate/0b1c2d3e-0000-4000-8000-123456789abc' },
};

function synth(settings: { region: string; domain?: string; certificateArn?: string }) {
  const configs = readStages();
  const stageConfigs = parseStages({ ...configs, prod: { ...configs.prod, ...settings } });
  const { props } = stackFor(stageConfigs, 'prod', '123456789012');
  const built = buildStack(props);
  return { ...built, json: built.template.toJSON() as Json };
}

describe.each(Object.entries(stages))('the custom domain of a %s stage', (_name, settings) => {
  const { json, stack } = synth(settings);
  const apiHost = `api.${settings.domain}`;

  it('serves the HTTP API at api.<domain>, regional, TLS 1.2, with the stage certificate, mapped at the root', () => {
    const [domainName, ...more] = resourcesOf(json, 'AWS::ApiGatewayV2::DomainName');
    expect(more).toEqual([]);
    expect(domainName!.Properties).toEqual({
      DomainName: apiHost,
      DomainNameConfigurations: [{ CertificateArn: settings.certificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
    });
    const [mapping] = resourcesOf(json, 'AWS::ApiGatewayV2::ApiMapping');
    expect(mapping!.Properties.ApiMappingKey).toBeUndefined();
    expect(mapping!.Properties.Stage).toBe('$default');
    // Created after the stage it maps ($default is a name, not a reference).
    expect(mapping!.DependsOn).toContain(stack.getLogicalId(stack.api.stage.node.defaultChild as never));
    expect(json.Outputs.ApiOrigin.Value).toBe(`https://${apiHost}`);
    expect(json.Outputs.UploadDomain.Value).toBe(`https://${apiHost}`);
    expect(json.Outputs.WechatPushUrl.Value).toBe(`https://${apiHost}/api/v1/wechat/push`);
    expect(json.Outputs.DnsRecord.Value).toEqual({ 'Fn::Join': ['', [`${apiHost} CNAME `, { 'Fn::GetAtt': [stack.getLogicalId(stack.customDomain!.apiDomainName.node.defaultChild as never), 'RegionalDomainName'] }]] });
  });

  it('proxies POST /files and GET /files/{proxy+} to the upload bucket, and tells every function the files base', () => {
    const routes = resourcesOf(json, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey);
    expect(routes).toEqual(expect.arrayContaining(['POST /files', 'GET /files/{proxy+}']));
    const proxies = resourcesOf(json, 'AWS::ApiGatewayV2::Integration').filter((i) => i.Properties.IntegrationType === 'HTTP_PROXY');
    const bucketId = stack.getLogicalId(stack.uploads.bucket.node.defaultChild as never);
    const uri = (method: string) => proxies.find((p) => p.Properties.IntegrationMethod === method)!.Properties.IntegrationUri;
    expect(uri('POST')).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] }, '/']] });
    expect(uri('GET')).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] }, '/{proxy}']] });
    const fns = resourcesOf(json, 'AWS::Lambda::Function').filter((f) => f.Properties.Environment?.Variables?.TABLE_NAME && f.Properties.Environment.Variables.WECHAT_API_BASE);
    const api = fns.filter((f) => f.Properties.Environment.Variables.FILES_BASE_URL);
    expect(api.length).toBe(stack.api.functions.size);
    for (const f of api) expect(f.Properties.Environment.Variables.FILES_BASE_URL).toBe(`https://${apiHost}/files`);
  });

  it('stays clean under cdk-nag', () => {
    const report = new AwsSolutionsChecks(stack).validateScope(stack);
    expect(report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`))).toEqual([]);
  });
});

describe('a stage without a domain', () => {
  it('has no custom domain and no file proxy: the functions sign S3 URLs as S3 makes them', () => {
    const { json } = synth({ region: 'cn-northwest-1' });
    expect(resourcesOf(json, 'AWS::ApiGatewayV2::DomainName')).toEqual([]);
    expect(resourcesOf(json, 'AWS::ApiGatewayV2::Integration').filter((i) => i.Properties.IntegrationType === 'HTTP_PROXY')).toEqual([]);
    for (const f of resourcesOf(json, 'AWS::Lambda::Function')) expect(f.Properties.Environment?.Variables?.FILES_BASE_URL).toBeUndefined();
  });

  it('is refused with half a domain setting, naming the setting', () => {
    expect(() => synth({ region: 'cn-northwest-1', domain: 'example.cn' })).toThrow(/certificateArn：/);
  });
});
