import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isChinaRegion, parseStages, weappApiOrigin } from '@ltx/shared/config/stages';

/** config/stages.json, the one place a stage's settings live, and the build step that reads it. */
const checkedIn = JSON.parse(readFileSync(new URL('../../config/stages.json', import.meta.url), 'utf8'));

/** Runs the build wrapper for a stage with a command that prints what the build would be given. */
function wrapped(stage: string, type: 'weapp' | 'h5') {
  const env = { ...process.env, LTX_STAGE: stage };
  return spawnSync('node_modules/.bin/tsx', ['scripts/with-stage.ts', 'node', '-e', 'console.log(process.env.TARO_APP_API_BASE + "|" + process.env.LTX_STAGE)', '--', '--type', type], { env, encoding: 'utf8' });
}

describe('the stage settings', () => {
  it('are valid as checked in: local on this machine, dev and prod in AWS China', () => {
    const stages = parseStages(checkedIn);
    expect(stages.local.apiOrigin).toBe('http://127.0.0.1:8787');
    expect(isChinaRegion(stages.prod.region)).toBe(true);
    expect(stages.prod.logRetentionDays).toBeGreaterThanOrEqual(180);
  });

  it('refuse a wrong setting, naming it: a region that is none, logs kept less than six months, an AppID of the wrong shape', () => {
    const bad = { ...checkedIn, prod: { ...checkedIn.prod, region: 'beijing', logRetentionDays: 90, wechatAppId: 'wx123' } };
    const message = (() => {
      try {
        parseStages(bad);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('prod.region: region：请写 AWS 区域代码');
    expect(message).toContain('prod.logRetentionDays: logRetentionDays：日志至少保存 180 天');
    expect(message).toContain('prod.wechatAppId: wechatAppId：wx 加 16 位十六进制字符');
    expect(() => parseStages({ ...checkedIn, prod: { ...checkedIn.prod, apiOrigin: 'http://api.example.cn/api/v1' } })).toThrow(/apiOrigin：请写 https:\/\/ 开头、不带路径的地址/);
  });

  it('give a weapp build its API origin, and refuse a deployed stage that has none yet', () => {
    expect(weappApiOrigin('prod', { apiOrigin: 'https://api.example.cn' })).toBe('https://api.example.cn');
    expect(() => weappApiOrigin('prod', {})).toThrow(/The prod stage has no apiOrigin in config\/stages\.json/);
  });
});

describe('the build step in front of Taro (scripts/with-stage.ts)', () => {
  it('hands a local weapp build the local origin, an H5 build none, and refuses a prod weapp build without an origin', () => {
    const local = wrapped('local', 'weapp');
    expect(local.status, local.stderr).toBe(0);
    expect(local.stdout.trim()).toBe('http://127.0.0.1:8787|local');
    expect(wrapped('prod', 'h5').stdout.trim()).toBe('|prod');
    const prod = wrapped('prod', 'weapp');
    expect(prod.status).toBe(2);
    expect(prod.stderr).toContain('The prod stage has no apiOrigin');
    expect(wrapped('staging', 'weapp').stderr).toContain('LTX_STAGE must be local, dev or prod');
  }, 60_000);
});
