import { expect } from 'vitest';
import type { TestStack } from './stack';

/** 10:00 in Beijing on a China day (`2025-08-20`). */
export const tenInBeijing = (day: string) => `${day}T02:00:00.000Z`;

/** Plans a session of `kind` at 10:00 Beijing on `day`, as the secretary behind `token`; fails the test unless created. */
export async function planSession(stack: TestStack, token: string, branchId: string, kind: string, day: string, extra: Record<string, unknown> = {}) {
  const r = await stack.call('POST', `/branches/${branchId}/sessions`, {
    token, body: { kind, topic: `${kind} ${day}`, startsAt: tenInBeijing(day), place: '活动室', hostName: '书记', recorderName: '委员', ...extra },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** Records everyone on the session's roll as present. */
export async function markAllPresent(stack: TestStack, token: string, session: { id: string; attendance: { memberId: string }[] }) {
  if (session.attendance.length === 0) return;
  const r = await stack.call('PUT', `/sessions/${session.id}/attendance`, { token, body: { entries: session.attendance.map((a) => ({ memberId: a.memberId, status: 'present' })) } });
  expect(r.status).toBe(200);
}
