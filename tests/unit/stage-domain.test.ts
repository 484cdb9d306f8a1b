import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageDomainOf, wechatServerDomains } from '@ltx/shared/config/domains';
import { S3UploadStore } from '../../functions/src/uploads/s3-upload-store';
import { testClock } from '../support/clock';

/**
 * A stage's own domain (config/stages.json `domain`, `certificateArn`): WeChat calls only ICP-filed domains
 * entered in its console, so the API and the attachments are both on api.<domain>. Presigned S3 requests keep
 * their signature (made for the bucket's host, which API Gateway's proxy sends) and only change origin.
 */
const cert = 'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/0b1c2d3e-0000-4000-8000-123456789abc';
const stage = { region: 'cn-northwest-1', domain: 'dangzhibu.example.cn', certificateArn: cert };

describe('a stage domain', () => {
  it('puts the API and the files on api.<domain>, the one origin for all three WeChat lists', () => {
    const d = stageDomainOf(stage)!;
    expect(d).toMatchObject({ apiHost: 'api.dangzhibu.example.cn', origin: 'https://api.dangzhibu.example.cn', filesBaseUrl: 'https://api.dangzhibu.example.cn/files' });
    expect(wechatServerDomains(d)).toEqual({ request: [d.origin], uploadFile: [d.origin], downloadFile: [d.origin] });
  });

  it('is absent without a domain, and refuses half a setting or a certificate from another region, naming the setting in Chinese', () => {
    expect(stageDomainOf({ region: 'cn-northwest-1' })).toBeUndefined();
    expect(() => stageDomainOf({ region: 'cn-northwest-1', domain: 'example.cn' })).toThrow(/^certificateArn：.*api\.example\.cn/);
    expect(() => stageDomainOf({ region: 'cn-northwest-1', certificateArn: cert })).toThrow(/^domain：/);
    expect(() => stageDomainOf({ ...stage, region: 'cn-north-1' })).toThrow(/^certificateArn：.*cn-north-1.*cn-northwest-1/);
    expect(() => stageDomainOf({ ...stage, apiOrigin: 'https://other.example.cn' })).toThrow(/^apiOrigin：.*https:\/\/api\.dangzhibu\.example\.cn/);
  });
});

describe('presigned S3 requests through the stage domain', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    // Signing is local arithmetic: dummy credentials, no network.
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'cn-northwest-1' });
    delete process.env.AWS_PROFILE;
  });
  afterAll(() => {
    process.env = saved;
  });

  const spec = () => ({ key: 'uploads/b1/4f1c', contentType: 'image/jpeg', maxBytes: 1024, expiresAt: new Date(testClock.now().getTime() + 600_000) });
  const bucketHost = 'ltx-uploads.s3.cn-northwest-1.amazonaws.com.cn';

  it('signs for the bucket host (the one the gateway proxies to) and moves only the origin', async () => {
    const direct = new S3UploadStore('ltx-uploads');
    const routed = new S3UploadStore('ltx-uploads', 'https://api.dangzhibu.example.cn/files');

    const directForm = await direct.presign(spec());
    expect(new URL(directForm.url).host).toBe(bucketHost);
    const form = await routed.presign(spec());
    expect(form.url).toBe('https://api.dangzhibu.example.cn/files');
    expect(form.fields).toMatchObject({ key: 'uploads/b1/4f1c', 'Content-Type': 'image/jpeg', bucket: 'ltx-uploads' });
    expect(form.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);

    const directLink = new URL(await direct.downloadUrl('uploads/b1/4f1c'));
    expect(directLink.host).toBe(bucketHost);
    expect(directLink.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    const link = new URL(await routed.downloadUrl('uploads/b1/4f1c'));
    expect(link.origin).toBe('https://api.dangzhibu.example.cn');
    expect(link.pathname).toBe(`/files${directLink.pathname}`);
    // Same credential scope and expiry as S3's own link: only the signature's time may differ between two signings.
    for (const name of ['X-Amz-Credential', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'x-id']) expect(link.searchParams.get(name), name).toBe(directLink.searchParams.get(name));
  });
});
