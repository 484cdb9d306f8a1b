import { randomUUID } from 'node:crypto';
import type { Actor } from '@ltx/shared/domain/roles';
import type { UploadInput, UploadTicket } from '@ltx/shared/schemas/session';
import { NotFoundError, UploadInvalidError } from '@ltx/shared/domain/errors';
import type { OrgRepository } from '../repositories/org-repository';
import type { UploadRepository } from '../repositories/upload-repository';
import { maxUploadBytes, type UploadStore } from '../uploads/upload-store';
import { authorize } from './authorize';
import { systemClock, type Clock } from '@ltx/shared/time/clock';

const ticketLifetimeMs = 10 * 60 * 1000;

export class UploadService {
  constructor(
    private readonly uploads: UploadRepository,
    private readonly store: UploadStore,
    private readonly orgs: OrgRepository,
    private readonly clock: Clock = systemClock,
  ) {}

  /** A presigned form for one file of the declared type and at most the declared size. */
  async createTicket(actor: Actor, input: UploadInput): Promise<UploadTicket> {
    // Staff of a branch upload to their own; an administrator names a branch of their subtree.
    const branchId = input.branchId ?? actor.branchId;
    const branch = branchId ? await this.orgs.getBranch(branchId) : undefined;
    if (!branch) throw new NotFoundError();
    authorize(actor, 'upload.create', { type: 'branch', orgId: branch.orgId, orgPath: branch.orgPath, branchId: branch.id });
    const id = randomUUID();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ticketLifetimeMs);
    const key = `uploads/${branch.id}/${id}`;
    const maxBytes = Math.min(input.size, maxUploadBytes);
    await this.uploads.put({
      id, key, orgId: branch.orgId, branchId: branch.id, contentType: input.contentType, maxBytes, name: input.name, createdBy: actor.userId, createdAt: now.toISOString(),
    });
    const form = await this.store.presign({ key, contentType: input.contentType, maxBytes, expiresAt });
    return { uploadId: id, url: form.url, method: 'POST', fields: form.fields, fileField: 'file', expiresAt: expiresAt.toISOString() };
  }

  /**
   * Checks, when a record refers to files, that each was really uploaded, to this branch, with
   * the declared type and within its size: the presigned policy is not trusted alone.
   */
  async assertUsable(branchId: string, attachments: { uploadId: string }[], path: string): Promise<void> {
    const issues: { path: string; message: string }[] = [];
    await Promise.all(
      attachments.map(async (a, i) => {
        const upload = await this.uploads.get(a.uploadId);
        const stored = upload && upload.branchId === branchId ? await this.store.head(upload.key) : undefined;
        if (!upload || !stored || stored.contentType !== upload.contentType || stored.size > upload.maxBytes) {
          issues.push({ path: `${path}.${i}.uploadId`, message: '附件：文件没有上传成功或不符合要求，请重新上传' });
        }
      }),
    );
    if (issues.length) throw new UploadInvalidError(issues);
  }

  /** The bytes of a file uploaded to this branch with the given type (a roster to import); 422 naming `path` otherwise. */
  async readFile(branchId: string, uploadId: string, contentType: string, path: string): Promise<{ name: string; bytes: Uint8Array }> {
    const upload = await this.uploads.get(uploadId);
    const bytes = upload && upload.branchId === branchId && upload.contentType === contentType ? await this.store.read(upload.key) : undefined;
    if (!upload || !bytes || bytes.length > upload.maxBytes) throw new UploadInvalidError([{ path, message: '文件：没有上传成功或不是 Excel（.xlsx）文件，请重新选择文件上传' }]);
    return { name: upload.name, bytes };
  }

  async withUrls<T extends { uploadId: string }>(attachments: T[]): Promise<(T & { url: string })[]> {
    return Promise.all(
      attachments.map(async (a) => {
        const upload = await this.uploads.get(a.uploadId);
        return { ...a, url: upload ? await this.store.downloadUrl(upload.key) : '' };
      }),
    );
  }
}
