import type { SessionDetail, SessionSummary } from '@ltx/shared/schemas/session';

/** A session as its page loads it: the summary, then the record's people and bookkeeping (nobody recorded), then `over`. */
export function sessionDetailOf(summary: SessionSummary, over: Partial<SessionDetail> = {}): SessionDetail {
  return {
    attachments: [],
    ...summary,
    hostName: '张卫东',
    recorderName: '吴淑珍',
    attendance: [],
    quorum: { entitled: 0, present: 0, met: false },
    amendments: [],
    version: 1,
    createdBy: 'u-sec',
    createdByName: '张卫东',
    locked: false,
    ...over,
  };
}
