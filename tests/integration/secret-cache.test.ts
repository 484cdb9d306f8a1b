import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretMaxAgeMs, SecretsManagerSource } from '../../functions/src/secrets/secret-source';
import { testClock } from '../support/clock';

/**
 * A rotated secret (a new WeChat AppSecret put in Secrets Manager, docs/runbook.md) reaches warm functions
 * without a redeploy: the cache re-reads each secret once it is older than `secretMaxAgeMs`. The real SDK
 * client talks to a loopback stand-in for Secrets Manager's JSON API that answers the current value and
 * counts the reads; the cache's clock is an input.
 */
let server: Server;
let endpoint: string;
const current: Record<string, string> = { 'wechat-secret': 'first-secret' };
const reads: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      expect(req.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
      const id = (JSON.parse(body) as { SecretId: string }).SecretId;
      reads.push(id);
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      res.end(JSON.stringify({ ARN: `arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:${id}`, Name: id, SecretString: current[id], VersionId: current[id] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the Secrets Manager cache', () => {
  it('reads a secret once while it is fresh, and the rotated value once it has expired', async () => {
    let now = testClock.now().getTime();
    const source = new SecretsManagerSource({
      clock: { now: () => new Date(now) },
      client: { endpoint, region: 'cn-northwest-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } },
    });
    expect(await source.get('wechat-secret')).toBe('first-secret');
    expect(await source.get('wechat-secret')).toBe('first-secret');
    expect(reads).toEqual(['wechat-secret']);

    current['wechat-secret'] = 'rotated-secret';
    now += secretMaxAgeMs - 1000;
    expect(await source.get('wechat-secret')).toBe('first-secret');
    expect(reads).toHaveLength(1);

    now += 2000;
    expect(await source.get('wechat-secret')).toBe('rotated-secret');
    expect(reads).toHaveLength(2);
    expect(await source.get('wechat-secret')).toBe('rotated-secret');
    expect(reads).toHaveLength(2);
  });

  it('keeps at most five minutes, so a rotation reaches every warm function within them', () => {
    expect(secretMaxAgeMs).toBeLessThanOrEqual(5 * 60_000);
  });
});
