import type { ApiClient } from './api-client';
import { attendanceStatusLabels } from '@ltx/shared/labels';
import type { KeptPhoto, PendingDraft, PendingRecord, PendingSender } from './pending-queue';
import type { AttendanceInput, VisitDeliverInput, VisitRequestInput } from './types';
import { uploadPicked, type PickedFile, type SendFile } from './upload-flow';

/** How the phone hands back a photo it kept (weapp: the saved file; H5: the picture from IndexedDB). */
export type RestorePhoto = (photo: KeptPhoto) => Promise<PickedFile>;

/**
 * Each kind of kept record sent through its route with the key made when it was recorded. A delivery's
 * photos chosen offline go up first, one at a time; each one that went up is remembered, so a try cut
 * short halfway does not upload it again.
 */
export function pendingSender(api: ApiClient, sendFile: SendFile, restore: RestorePhoto): PendingSender {
  const senders: Record<PendingRecord['kind'], (entry: PendingRecord, uploaded: Parameters<PendingSender>[1]) => Promise<unknown>> = {
    async deliver(entry, uploaded) {
      const body = entry.body as VisitDeliverInput;
      const photos = [...body.photos];
      for (const [i, photo] of entry.photos.entries()) {
        if (photo.uploadId) {
          photos.push({ uploadId: photo.uploadId, name: photo.name });
          continue;
        }
        const sent = await uploadPicked(api.createUpload, sendFile, await restore(photo));
        uploaded(i, sent);
        photos.push(sent);
      }
      return api.deliverVisit(entry.target.requestId!, { ...body, photos }, entry.key);
    },
    attendance: (entry) => api.markAttendance(entry.target.sessionId!, entry.target.memberId!, entry.body as AttendanceInput, entry.key),
    'visit-request': (entry) => api.requestVisit(entry.target.memberId!, entry.body as VisitRequestInput, entry.key),
  };
  return (entry, uploaded) => senders[entry.kind](entry, uploaded);
}

/** A member's or proxy's leave (or 我已学习) as a kept record, named by what it is and the session's topic. */
export function attendanceDraft(sessionId: string, memberId: string, input: AttendanceInput, topic: string): PendingDraft {
  return { kind: 'attendance', target: { sessionId, memberId }, body: input, title: `${attendanceStatusLabels[input.status]}：${topic}` };
}
