import { describe, expect, it } from 'vitest';
import { Fact, FactName } from 'aws-cdk-lib/region-info';
import { parseStages } from '@ltx/shared/config/stages';
import { readStages, stackFor } from '../../infra/src/stage-props';
import { buildStack } from './helpers';

/**
 * The deployed stages come from config/stages.json: a stage's stack is built for its region, so an AWS
 * China stage's template names the aws-cn partition and the runtime that region offers, and nothing in it
 * assumes the global partition. Log retention and throttling are the stage's.
 */
const configs = readStages();

type Json = Record<string, any>;
const resourcesOf = (template: Json, type: string): Json[] => Object.values(template.Resources as Record<string, Json>).filter((r) => r.Type === type);

function templateFor(stage: 'dev' | 'prod', region?: string) {
  const stageConfigs = region ? parseStages({ ...configs, [stage]: { ...configs[stage], region } }) : configs;
  const { props } = stackFor(stageConfigs, stage, '123456789012');
  return buildStack(props).template.toJSON() as Json;
}

describe('stages from config/stages.json', () => {
  it('are valid as checked in, and each deployed one names its region and keeps logs six months at least', () => {
    for (const stage of ['dev', 'prod'] as const) {
      expect(configs[stage].region).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
      expect(configs[stage].logRetentionDays).toBeGreaterThanOrEqual(180);
    }
  });

  it('build an AWS China stage in the aws-cn partition, with no ARN assuming the global one', () => {
    const template = templateFor('prod', 'cn-northwest-1');
    const text = JSON.stringify(template);
    expect(text).not.toContain('arn:aws:');
    expect(text).toContain('arn:aws-cn:');
    // Service principals carry no partition; the regional one of CloudWatch Logs takes the region's URL suffix.
    expect(text).not.toContain('amazonaws.com.cn"');
  });

  it('build a global stage in the aws partition, with no China ARN', () => {
    const text = JSON.stringify(templateFor('prod', 'ap-east-1'));
    expect(text).toContain('arn:aws:');
    expect(text).not.toContain('arn:aws-cn:');
  });

  it('run every function on the newest Node.js runtime the stage\'s region offers', () => {
    for (const region of ['cn-northwest-1', 'cn-north-1', 'ap-east-1']) {
      const expected = Fact.find(region, FactName.LATEST_NODE_RUNTIME);
      expect(expected, region).toMatch(/^nodejs\d+\.x$/);
      const runtimes = resourcesOf(templateFor('prod', region), 'AWS::Lambda::Function').map((f) => f.Properties.Runtime);
      expect(runtimes.length).toBeGreaterThan(5);
      expect(new Set(runtimes), region).toEqual(new Set([expected]));
    }
  });

  it('keep the stage\'s log retention on every log group and its throttling on the API', () => {
    for (const stage of ['dev', 'prod'] as const) {
      const template = templateFor(stage);
      const retentions = resourcesOf(template, 'AWS::Logs::LogGroup').map((g) => g.Properties.RetentionInDays);
      expect(retentions.length).toBeGreaterThan(5);
      expect(new Set(retentions), stage).toEqual(new Set([configs[stage].logRetentionDays]));
      const [apiStage] = resourcesOf(template, 'AWS::ApiGatewayV2::Stage');
      expect(apiStage!.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: configs[stage].throttle.rateLimit, ThrottlingBurstLimit: configs[stage].throttle.burstLimit });
    }
  });

  it('open the trial mini-program from a dev stage\'s console sign-in codes, and the released one from prod', () => {
    const versions = (stage: 'dev' | 'prod') =>
      new Set(resourcesOf(templateFor(stage), 'AWS::Lambda::Function').map((f) => f.Properties.Environment?.Variables?.WXA_ENV_VERSION ?? 'release'));
    expect(configs.dev.wechatCodeVersion).toBe('trial');
    expect(versions('dev')).toEqual(new Set(['trial']));
    expect(versions('prod')).toEqual(new Set(['release']));
  });
});
