import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDynamo } from '../../local/embedded-dynamodb';
import { localTableName } from '../../local/stack';
import { compareCounts, countByType } from '../../scripts/backup/table-items';
import { startTestStack, validMember } from './support/stack';

/**
 * `npm run backup` and `npm run restore` of the local store, run as commands: a store with the seed, a member
 * written through the API, an uploaded file and items of every attribute type is backed up, restored into a new
 * folder, and backed up again. The two backups are the same bytes, file by file; the restored stack serves the
 * member to a token issued before the backup; items per entity match.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ltx-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: 'backup' | 'restore', args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

function filesOf(dir: string): Map<string, Buffer> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(entries.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]));
}

async function withClient<T>(dataDir: string, use: (client: DynamoDBClient) => Promise<T>): Promise<T> {
  const dynamo = await startEmbeddedDynamo(join(dataDir, 'dynamodb'));
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    return await use(client);
  } finally {
    client.destroy();
    await dynamo.close();
  }
}

describe('npm run backup / npm run restore of the local store', () => {
  it('bring every item, file and secret back, byte for byte', async () => {
    const source = join(work, 'source');
    const first = await startTestStack({ dataDir: source });
    const token = await first.login('secretary-1');
    const created = await first.call('POST', '/branches/br-1/members', { token, body: { ...validMember, name: '备份后还在' } });
    expect(created.status).toBe(201);
    await first.stop();

    // Every attribute type DynamoDB stores, with values JSON would bend (a number past 2^53, bytes that are not UTF-8).
    await withClient(source, (client) =>
      client.send(
        new PutItemCommand({
          TableName: localTableName,
          Item: {
            pk: { S: 'PROBE#备份' },
            sk: { S: 'ALL-TYPES' },
            type: { S: 'Probe' },
            big: { N: '123456789012345678901234567890.5' },
            bytes: { B: Uint8Array.from([0, 255, 128, 10, 13]) },
            set: { SS: ['乙', '甲'] },
            numbers: { NS: ['1', '2.5'] },
            blobs: { BS: [Uint8Array.from([1]), Uint8Array.from([2, 3])] },
            nested: { M: { z: { L: [{ NULL: true }, { BOOL: false }, { S: '' }] }, a: { M: {} } } },
          },
        }),
      ),
    );
    mkdirSync(join(source, 'uploads', 'uploads', 'br-1'), { recursive: true });
    writeFileSync(join(source, 'uploads', 'uploads', 'br-1', 'photo'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]));

    const firstBackup = join(work, 'backup-1');
    const backedUp = run('backup', ['--data-dir', source, '--out', firstBackup]);
    expect(backedUp.err).toBe('');
    expect(backedUp.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(firstBackup, 'manifest.json'), 'utf8'));
    expect(manifest.items).toBeGreaterThan(20);
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['table.jsonl', 'secrets.json', 'uploads/uploads/br-1/photo']));

    const restoredDir = join(work, 'restored');
    const restored = run('restore', ['--from', firstBackup, '--data-dir', restoredDir]);
    expect(restored.err).toBe('');
    expect(restored.status).toBe(0);

    const secondBackup = join(work, 'backup-2');
    expect(run('backup', ['--data-dir', restoredDir, '--out', secondBackup]).status).toBe(0);
    const a = filesOf(firstBackup);
    const b = filesOf(secondBackup);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, bytes] of a) expect(b.get(file)!.equals(bytes), file).toBe(true);
    expect(readFileSync(join(restoredDir, 'uploads', 'uploads', 'br-1', 'photo')).equals(Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]))).toBe(true);

    const counts = compareCounts(await withClient(source, (c) => countByType(c, localTableName)), await withClient(restoredDir, (c) => countByType(c, localTableName)));
    expect(counts.same).toBe(true);
    expect(counts.rows.find((r) => r.type === 'Probe')).toEqual({ type: 'Probe', source: 1, restored: 1 });

    // The restored store is a working one: same signing key, same member.
    const again = await startTestStack({ dataDir: restoredDir });
    expect(again.seeded).toBe('present');
    const read = await again.call('GET', `/members/${created.body.id}`, { token });
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('备份后还在');
    await again.stop();
  });

  it('refuses a damaged backup and a store that already holds data, naming the option', () => {
    const backup = join(work, 'backup-1');
    expect(run('restore', ['--from', backup, '--data-dir', join(work, 'restored')]).err).toMatch(/^--data-dir：/);
    writeFileSync(join(backup, 'table.jsonl'), '{}\n', { flag: 'a' });
    const damaged = run('restore', ['--from', backup, '--data-dir', join(work, 'fresh')]);
    expect(damaged.status).toBe(2);
    expect(damaged.err).toMatch(/^--from：备份文件 table\.jsonl 已损坏/);
  });
});
