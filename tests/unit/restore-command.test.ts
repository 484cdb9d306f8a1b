import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareCounts, formatCounts } from '../../scripts/backup/table-items';
import { offlineRunner, repoRoot, worktreeState } from '../support/offline-run';

/**
 * `npm run restore -- --stage prod …` restores the deployed table's point-in-time recovery into a new table and
 * counts items per entity in both. Its dry run names the region, both tables and the exact request, and calls
 * nothing (tests/support/offline-run.ts); the real call needs AWS. The count check itself is run on dynalite in
 * tests/integration/backup-round-trip.test.ts.
 */
const runner = offlineRunner('ltx-restore-test-');
afterAll(() => runner.cleanup());
const checkedIn = JSON.parse(readFileSync(path.join(repoRoot, 'config/stages.json'), 'utf8'));

// Each case starts a Node process with tsx (a few seconds on a busy 2-core machine).
describe('npm run restore -- --stage prod --dry-run', { timeout: 30_000 }, () => {
  it('prints the region, both tables and the RestoreTableToPointInTime request, and calls nothing', () => {
    const before = worktreeState();
    const r = runner.run('restore', ['--stage', 'prod', '--from-table', 'LtxBranch-DataMain1A2B', '--to-table', 'ltx-restored-20261201', '--at', '2026-12-01T08:00:00+08:00', '--dry-run'], { LTX_STAGES_FILE: runner.stagesFile(checkedIn) });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`区域：${checkedIn.prod.region}`);
    expect(r.stdout).toContain('源表：LtxBranch-DataMain1A2B');
    expect(r.stdout).toContain('恢复到新表：ltx-restored-20261201');
    expect(r.stdout).toContain('RestoreTableToPointInTime {"SourceTableName":"LtxBranch-DataMain1A2B","TargetTableName":"ltx-restored-20261201","RestoreDateTime":"2026-12-01T00:00:00.000Z","SSESpecificationOverride":{"Enabled":true,"SSEType":"KMS","KMSMasterKeyId":"<源表的 KMS 密钥>"}}');
    expect(r.stdout).toContain('按实体（type）清点');
    expect(r.stdout).toContain('没有调用 AWS');
    expect(runner.tripped()).toEqual([]);
    expect(worktreeState()).toBe(before);
  });

  it('restores to the latest restorable time when no instant is given', () => {
    const r = runner.run('restore', ['--stage', 'prod', '--from-table', 'src', '--to-table', 'copy', '--dry-run'], { LTX_STAGES_FILE: runner.stagesFile(checkedIn) });
    expect(r.stdout).toContain('"UseLatestRestorableTime":true');
  });

  it.each([
    ['--from-table', ['--to-table', 'copy']],
    ['--to-table', ['--from-table', 'src']],
    ['--to-table', ['--from-table', 'src', '--to-table', 'src']],
    ['--at', ['--from-table', 'src', '--to-table', 'copy', '--at', '昨天']],
  ])('refuses a request without a usable %s, naming it', (option, args) => {
    const r = runner.run('restore', ['--stage', 'prod', ...args, '--dry-run'], { LTX_STAGES_FILE: runner.stagesFile(checkedIn) });
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith(`${option}：`), r.stderr).toBe(true);
  });
});

describe('the count check', () => {
  it('matches entity by entity and marks each difference', () => {
    const same = compareCounts(new Map([['Member', 9], ['Branch', 1]]), new Map([['Branch', 1], ['Member', 9]]));
    expect(same).toEqual({ same: true, rows: [{ type: 'Branch', source: 1, restored: 1 }, { type: 'Member', source: 9, restored: 9 }] });
    const differ = compareCounts(new Map([['Member', 10]]), new Map([['Member', 9], ['Session', 2]]));
    expect(differ.same).toBe(false);
    expect(formatCounts(differ.rows).split('\n').map((l) => l.trim().slice(0, 1))).toEqual(['≠', '≠']);
  });
});
