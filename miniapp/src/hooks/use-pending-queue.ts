import { useEffect, useState } from 'react';
import { pendingQueueFor } from '@/adapters/pending-queue';
import type { PendingQueue, PendingRecord } from '@/services/pending-queue';
import { useApi } from './api-context';

/** The phone's 待上传 queue, bound to the page's API client. */
export function usePendingQueue(): PendingQueue {
  return pendingQueueFor(useApi());
}

/** The queue's records, redrawn whenever one is added, sent or dismissed. */
export function usePendingRecords(): { queue: PendingQueue; entries: readonly PendingRecord[] } {
  const queue = usePendingQueue();
  const [entries, setEntries] = useState(queue.entries());
  useEffect(() => {
    setEntries(queue.entries());
    return queue.subscribe(() => setEntries(queue.entries()));
  }, [queue]);
  return { queue, entries };
}
