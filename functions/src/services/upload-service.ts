import { randomUUID } from 'node:crypto';
import { can } from '@ltx/shared/domain/authz';
import { mediaCheckLabels } from '@ltx/shared/labels';
import type { Actor } from '@ltx/shared/domain/roles';
import type { UploadInput, UploadTicket } from '@ltx/shared/schemas/session';
import { NotFoundError, UploadInvalidError } from '@ltx/shared/domain/errors';
import type { OrgRepository } from '../repositories/org-repository';
import type { UploadRepository } from '../repositories/upload-repository';
import { maxUploadBytes, type UploadStore } from '../uploads/upload-store';
import { authorize } from './authorize';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { Screen } from './content-screen';
import type { UploadRecord } from '../repositories/records';
import { branchResource } from './places';

const ticketLifetimeMs = 10 * 60 * 1000;
/**
 * How long WeChat may take to fetch an image it checks (media_check_async fetches it later). A link
 * signed by a Lambda's temporary credentials lasts at most as long as they do: about an hour is safe.
 */
const checkLinkSeconds = 3600;
/** The files WeChat's media check takes (media_type 2: images); PDF and Excel files have no such check. */
const checkedTypes = new Set(['image/jpeg', 'image/png']);

/** An attachment as a reader gets it: a link, or for an image still in or refused by its check, the words instead. */
export type LinkedFile<T> = T & { url: string; check?: 'checking' | 'rejected'; checkText?: string };

export class UploadService {
  constructor(
    private readonly uploads: UploadRepository,
    private readonly store: UploadStore,
    private readonly orgs: OrgRepository,
    private readonly clock: Clock = systemClock,
    /** WeChat's image check; the seed and the bench, which attach no user's images, leave it out. */
    private readonly screen?: Screen,
  ) {}

  /** A presigned form for one file of the declared type and at most the declared size. */
  async createTicket(actor: Actor, input: UploadInput): Promise<UploadTicket> {
    // Staff of a branch upload to their own; an administrator names a branch of their subtree.
    const branchId = input.branchId ?? actor.branchId;
    const branch = branchId ? await this.orgs.getBranch(branchId) : undefined;
    if (!branch) throw new NotFoundError();
    authorize(actor, 'upload.create', branchResource(branch));
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
   * the declared type and within its size: the presigned policy is not trusted alone. Then each
   * image not yet submitted goes to WeChat's content check (media_check_async), as `actor`'s:
   * others see it once WeChat pushes a pass (`recordVerdict`). Call it before the record is written.
   */
  async attach(actor: Actor, branchId: string, attachments: { uploadId: string }[], path: string): Promise<void> {
    const usable = await this.assertUsable(branchId, attachments, path);
    const toCheck = usable.filter((upload) => checkedTypes.has(upload.contentType) && !upload.checkState);
    await Promise.all(toCheck.map((upload) => this.submit(actor, upload)));
  }

  /**
   * The checks of `attach` without WeChat's: for a file kept as a record, not shown as content (the
   * signed paper consent form, consent-service.ts), which is not sent to a third party.
   */
  async assertUsable(branchId: string, attachments: { uploadId: string }[], path: string): Promise<UploadRecord[]> {
    const issues: { path: string; message: string }[] = [];
    const usable: UploadRecord[] = [];
    await Promise.all(
      attachments.map(async (a, i) => {
        const upload = await this.uploads.get(a.uploadId);
        const stored = upload && upload.branchId === branchId ? await this.store.head(upload.key) : undefined;
        if (!upload || !stored || stored.contentType !== upload.contentType || stored.size > upload.maxBytes) {
          issues.push({ path: `${path}.${i}.uploadId`, message: '附件：文件没有上传成功或不符合要求，请重新上传' });
        } else usable.push(upload);
      }),
    );
    if (issues.length) throw new UploadInvalidError(issues);
    return usable;
  }

  private async submit(actor: Actor, upload: UploadRecord): Promise<void> {
    if (!this.screen) return;
    const traceId = await this.screen.image(actor, await this.store.downloadUrl(upload.key, checkLinkSeconds));
    // Submitted twice at once: the first trace id stands, the other's verdict finds nothing to change.
    if (traceId) await this.uploads.startCheck(upload.id, traceId, this.clock.now().toISOString());
  }

  /**
   * WeChat's pushed verdict for the image checked under `traceId`. Once only: a repeated or late push,
   * or one for a trace id we never stored, changes nothing.
   */
  async recordVerdict(traceId: string, verdict: 'pass' | 'risky' | 'review'): Promise<'decided' | 'unchanged' | 'unknown'> {
    const uploadId = await this.uploads.idForTrace(traceId);
    if (!uploadId) return 'unknown';
    // `review` (WeChat unsure) shows the image as it does a text: the trace id is logged for an operator.
    return this.uploads.decideCheck(uploadId, traceId, verdict === 'risky' ? 'rejected' : 'passed', this.clock.now().toISOString());
  }

  /** The bytes of a file uploaded to this branch with the given type (a roster to import); 422 naming `path` otherwise. */
  async readFile(branchId: string, uploadId: string, contentType: string, path: string): Promise<{ name: string; bytes: Uint8Array }> {
    const upload = await this.uploads.get(uploadId);
    const bytes = upload && upload.branchId === branchId && upload.contentType === contentType ? await this.store.read(upload.key) : undefined;
    if (!upload || !bytes || bytes.length > upload.maxBytes) throw new UploadInvalidError([{ path, message: '文件：没有上传成功或不是 Excel（.xlsx）文件，请重新选择文件上传' }]);
    return { name: upload.name, bytes };
  }

  /**
   * The attachments as `actor` may see them, with links. An image in its content check or refused by
   * it reaches only its uploader and those who may see unchecked files (the branch's secretary), in
   * words; everyone else gets the passed ones only. Files never checked (PDF, Excel) are as uploaded.
   */
  async forReader<T extends { uploadId: string }>(actor: Actor, attachments: T[]): Promise<LinkedFile<T>[]> {
    const seen: (LinkedFile<T> | undefined)[] = await Promise.all(
      attachments.map(async (a): Promise<LinkedFile<T> | undefined> => {
        const upload = await this.uploads.get(a.uploadId);
        if (!upload) return { ...a, url: '' };
        if (!upload.checkState || upload.checkState === 'passed') return { ...a, url: await this.store.downloadUrl(upload.key) };
        if (!this.seesUnchecked(actor, upload)) return undefined;
        return upload.checkState === 'checking'
          ? { ...a, url: await this.store.downloadUrl(upload.key), check: 'checking', checkText: mediaCheckLabels.checking }
          : { ...a, url: '', check: 'rejected', checkText: mediaCheckLabels.rejected };
      }),
    );
    return seen.filter((a): a is LinkedFile<T> => a !== undefined);
  }

  private seesUnchecked(actor: Actor, upload: UploadRecord): boolean {
    return upload.createdBy === actor.userId || can(actor, 'upload.seeUnchecked', { type: 'branch', orgId: upload.orgId, branchId: upload.branchId });
  }
}
