import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestStack, validMember } from './support/stack';

const dataDir = mkdtempSync(join(tmpdir(), 'ltx-persist-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('data survives a restart', () => {
  it('keeps members, secrets and tokens across stops and starts of the local stack', async () => {
    const first = await startTestStack({ dataDir });
    expect(first.seeded).toBe('seeded');
    const token = await first.login('secretary-1');
    const created = await first.call('POST', '/branches/br-1/members', { token, body: { ...validMember, name: '重启后还在' } });
    expect(created.status).toBe(201);
    await first.stop();

    const second = await startTestStack({ dataDir });
    expect(second.seeded).toBe('present');
    // The token issued before the restart still verifies: the signing key was kept.
    const { status, body } = await second.call('GET', `/members/${created.body.id}`, { token });
    expect(status).toBe(200);
    expect(body.name).toBe('重启后还在');
    const branch = await second.call('GET', '/branches/br-1', { token });
    expect(branch.body.memberCount).toBe(9);
    await second.stop();
  });
});
