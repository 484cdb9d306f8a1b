import { systemClock, type Clock } from '@ltx/shared/time/clock';
import Busboy from 'busboy';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink, writeFile, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { parseUrl } from './http-adapter';
import { safeName, verify, type LocalUploadPolicy } from '../functions/src/uploads/local-upload-store';

/**
 * The local half of the presigned-upload flow, standing where S3 stands in AWS: it accepts the
 * multipart form that `wx.uploadFile` (or a browser) posts, enforces the signed policy (content type,
 * size, expiry) and keeps the file under the data folder. It also serves signed download links.
 */
export function createUploadsEndpoint(dir: string, secret: () => Promise<string>, clock: Clock = systemClock) {
  const reply = (res: ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: { message } }));
  };

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    await mkdir(dir, { recursive: true });
    const fields: Record<string, string> = {};
    let file: { tmp: string; size: number; mimeType: string; tooBig: boolean } | undefined;
    let written: Promise<void> = Promise.resolve();
    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({ headers: req.headers, limits: { fileSize: 10 * 1024 * 1024 + 1, files: 1, fields: 10 } });
    } catch {
      return reply(res, 400, '上传格式不正确');
    }
    const done = new Promise<void>((resolve, reject) => {
      parser.on('field', (name, value) => (fields[name] = value));
      parser.on('file', (_name, stream, info) => {
        const tmp = join(dir, `.incoming-${process.hrtime.bigint()}`);
        const current = { tmp, size: 0, mimeType: info.mimeType, tooBig: false };
        file = current;
        stream.on('data', (chunk: Buffer) => (current.size += chunk.length));
        stream.on('limit', () => (current.tooBig = true));
        const out = stream.pipe(createWriteStream(tmp));
        written = new Promise((ok, fail) => out.on('finish', ok).on('error', fail));
      });
      parser.on('close', () => resolve());
      parser.on('error', reject);
    });
    req.pipe(parser);
    try {
      await done;
      await written;
    } catch {
      return reply(res, 400, '上传格式不正确');
    }
    const cleanup = async () => file && (await unlink(file.tmp).catch(() => undefined));
    const { key, policy, signature } = fields;
    if (!key || !policy || !signature || !(await verify(policy, signature, await secret()))) {
      await cleanup();
      return reply(res, 403, '上传凭证无效');
    }
    const p = JSON.parse(Buffer.from(policy, 'base64url').toString('utf8')) as LocalUploadPolicy;
    const declaredType = fields['Content-Type'];
    if (p.key !== key || new Date(p.expiresAt) < clock.now()) {
      await cleanup();
      return reply(res, 403, '上传凭证已过期，请重新选择文件');
    }
    if (!file || file.size === 0 || file.tooBig || file.size > p.maxBytes) {
      await cleanup();
      return reply(res, 400, '文件太大或为空');
    }
    if (declaredType !== p.contentType) {
      await cleanup();
      return reply(res, 400, '文件类型不符');
    }
    const target = join(dir, safeName(key));
    await rename(file.tmp, target);
    await writeFile(`${target}.json`, JSON.stringify({ size: (await stat(target)).size, contentType: p.contentType }));
    res.writeHead(204).end();
  }

  async function download(req: IncomingMessage, res: ServerResponse, key: string): Promise<void> {
    const url = parseUrl(req.url);
    const exp = url.searchParams.get('exp') ?? '';
    const sig = url.searchParams.get('sig') ?? '';
    if (Number(exp) < clock.now().getTime() || !(await verify(`${key}:${exp}`, sig, await secret()))) return reply(res, 403, '链接已过期');
    const target = join(dir, safeName(key));
    const meta = await readFile(`${target}.json`, 'utf8').then((t) => JSON.parse(t) as { contentType: string }).catch(() => undefined);
    if (!meta) return reply(res, 404, '没有找到文件');
    res.writeHead(200, { 'content-type': meta.contentType, 'cache-control': 'private, max-age=600' });
    createReadStream(target).on('error', () => res.destroy()).pipe(res);
  }

  return { upload, download };
}
