import type { PresignedForm, UploadSpec, UploadStore } from './upload-store';

/** S3 presigned POST (content-length-range and Content-Type in the policy); HeadObject to check. */
export class S3UploadStore implements UploadStore {
  constructor(private readonly bucket: string) {}

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
    return { url, fields };
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
    return getSignedUrl(await this.s3(), new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: lifetimeSeconds });
  }
}
