import type { ApiClient } from '@/services/api-client';
import { createPendingQueue, type PendingQueue } from '@/services/pending-queue';
import { pendingSender } from '@/services/pending-senders';
import { deviceNow } from './clock';
import { sendFile } from './files';
import { onChanceToSend } from './network';
import { dropPhoto, restorePhoto } from './photo-keeper';
import { pendingStore } from './storage';

/** One queue per API client (the app has one; each DOM test its own), on the phone's storage. */
const queues = new WeakMap<ApiClient, PendingQueue>();

export function pendingQueueFor(api: ApiClient): PendingQueue {
  let queue = queues.get(api);
  if (!queue) {
    queue = createPendingQueue({
      store: pendingStore,
      send: pendingSender(api, sendFile, restorePhoto),
      now: deviceNow,
      release: (photos) => void Promise.all(photos.map(dropPhoto)),
    });
    queues.set(api, queue);
  }
  return queue;
}

/** Once, when the app starts: send what is waiting now, and again whenever the network returns or the app is shown. */
export function startPendingQueue(api: ApiClient): void {
  const queue = pendingQueueFor(api);
  onChanceToSend(() => void queue.flush());
  void queue.flush();
}
