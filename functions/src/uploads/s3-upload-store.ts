import type { PresignedForm, UploadSpec, UploadStore } from './upload-store';

/**
 * A presigned S3 URL moved onto the stage's own domain: the same path and query (the signature) under
 * `filesBaseUrl` (`https://api.<domain>/files`), which API Gateway proxies to the bucket's regional host, the
 * host the URL was signed for (infra/src/constructs/file-gateway.ts). WeChat calls only ICP-filed domains
 * entered in its console, never amazonaws.com(.cn). Without a base the URL is left as S3 made it.
 */
export function throughFilesBase(signedUrl: string, filesBaseUrl: string | undefined): string {
  if (!filesBaseUrl) return signedUrl;
  const url = new URL(signedUrl);
  return `${filesBaseUrl.replace(/\/$/, '')}${url.pathname === '/' ? '' : url.pathname}${url.search}`;
}

/** S3 presigned POST (content-length-range and Content-Type in the policy); HeadObject to check. */
export class S3UploadStore implements UploadStore {
  /** `filesBaseUrl`: where clients reach the bucket (FILES_BASE_URL), when the stage has its own domain. */
  constructor(
    private readonly bucket: string,
    private readonly filesBaseUrl?: string,
  ) {}

  private async s3() {
    const { S3Client } = await import('@aws-sdk/client-s3');
    return new S3Client({});
  }

  async presign(spec: UploadSpec): Promise<PresignedForm> {
    const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
    const { url, fields } = await createPresignedPost(await this.s3(), {
      Bucket: this.bucket,
      Key: spec.key,
      Conditions: [
        ['content-length-range', 1, spec.maxBytes],
        ['eq', '$Content-Type', spec.contentType],
      ],
      Fields: { 'Content-Type': spec.contentType },
      Expires: Math.max(60, Math.round((spec.expiresAt.getTime() - Date.now()) / 1000)),
    });
    return { url: throughFilesBase(url, this.filesBaseUrl), fields };
  }

  async head(key: string) {
    const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
    try {
      const out = await (await this.s3()).send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType ?? '' };
    } catch (error) {
      if ((error as { name?: string }).name === 'NotFound') return undefined;
      throw error;
    }
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    const { GetObjectCommand } = await import('@aws-sdk/client-s3');
    try {
      const out = await (await this.s3()).send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.Body ? await out.Body.transformToByteArray() : undefined;
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
    // S3 answers success for a key that is not there, so a retried deletion is fine.
    await (await this.s3()).send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async downloadUrl(key: string, lifetimeSeconds = 900): Promise<string> {
    const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);
    const signed = await getSignedUrl(await this.s3(), new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: lifetimeSeconds });
    return throughFilesBase(signed, this.filesBaseUrl);
  }
}
