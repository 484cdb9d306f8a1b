/**
 * The local stack's whole store (the data folder `npm start` uses, `.data` by default) as a backup folder and
 * back: the table's items (table-items.ts), the uploaded files and the local secrets (so sessions signed before
 * still verify). The folder holds a manifest with every file's SHA-256, checked before a restore writes anything.
 * dynalite keeps the data folder locked while `npm start` runs: stop it first, or name a running dynalite with
 * `endpoint` (then only the table is read or written; files and secrets need the folder).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable, startEmbeddedDynamo } from '../../local/embedded-dynamodb';
import { exportItems, importItems, scanItems } from './table-items';

export const backupFormat = 'ltx-local-backup/1';

export interface LocalTarget {
  /** The data folder (`.data`): its dynalite (dynamodb/), uploads/ and secrets.json. */
  dataDir?: string;
  /** A running dynalite instead of opening the folder. */
  endpoint?: string;
  table: string;
}

export interface Manifest {
  format: string;
  table: string;
  items: number;
  /** Every file of the backup but the manifest, path relative to the folder, with its SHA-256. */
  files: Record<string, string>;
}

async function withTable<T>(target: LocalTarget, use: (client: DynamoDBClient) => Promise<T>): Promise<T> {
  const dynamo = target.endpoint ? undefined : await startEmbeddedDynamo(resolve(target.dataDir!, 'dynamodb'));
  const endpoint = target.endpoint ?? dynamo!.endpoint;
  if (dynamo) await ensureTable(endpoint, target.table);
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    return await use(client);
  } finally {
    client.destroy();
    await dynamo?.close();
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

/** Writes the backup folder `out` (which must not exist yet). */
export async function backupLocal(target: LocalTarget, out: string): Promise<Manifest> {
  if (existsSync(out)) throw new Error(`--out：${out} 已存在，请换一个新的目录名`);
  const { text, count } = await withTable(target, (client) => exportItems(client, target.table));
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'table.jsonl'), text);
  if (target.dataDir) {
    if (existsSync(join(target.dataDir, 'uploads'))) await cp(join(target.dataDir, 'uploads'), join(out, 'uploads'), { recursive: true });
    if (existsSync(join(target.dataDir, 'secrets.json'))) await cp(join(target.dataDir, 'secrets.json'), join(out, 'secrets.json'));
  }
  const files: Record<string, string> = {};
  for (const file of await filesUnder(out)) files[relative(out, file)] = await sha256(file);
  const manifest: Manifest = { format: backupFormat, table: target.table, items: count, files };
  await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Restores the backup folder `from` into an empty store: the manifest and every file's checksum are checked
 * first, and a table that already holds items is refused (a restore adds to nothing, it never merges).
 */
export async function restoreLocal(from: string, target: LocalTarget): Promise<Manifest> {
  const manifestFile = join(from, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`--from：${from} 里没有 manifest.json，不是 npm run backup 生成的备份`);
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
  if (manifest.format !== backupFormat) throw new Error(`--from：备份格式 ${manifest.format} 不认识（应为 ${backupFormat}）`);
  const present = (await filesUnder(from)).map((f) => relative(from, f)).filter((f) => f !== 'manifest.json');
  const listed = Object.keys(manifest.files).sort();
  if (JSON.stringify(present) !== JSON.stringify(listed)) throw new Error(`--from：备份里的文件与 manifest.json 不一致（多出或缺少文件），不恢复`);
  for (const [file, digest] of Object.entries(manifest.files)) {
    if ((await sha256(join(from, file))) !== digest) throw new Error(`--from：备份文件 ${file} 已损坏（校验和不符），不恢复`);
  }
  if (target.dataDir && (existsSync(join(target.dataDir, 'uploads')) || existsSync(join(target.dataDir, 'secrets.json')))) {
    throw new Error(`--data-dir：${target.dataDir} 里已有数据，请恢复到一个新的空目录（再用 DATA_DIR=该目录 npm start 启动）`);
  }
  const text = await readFile(join(from, 'table.jsonl'), 'utf8');
  const written = await withTable(target, async (client) => {
    for await (const _item of scanItems(client, target.table)) throw new Error(`--data-dir：目标表 ${target.table} 里已有数据，请恢复到一个新的空目录`);
    return importItems(client, target.table, text);
  });
  if (written !== manifest.items) throw new Error(`恢复写入 ${written} 条，备份记录为 ${manifest.items} 条`);
  if (target.dataDir) {
    if (existsSync(join(from, 'uploads'))) await cp(join(from, 'uploads'), join(target.dataDir, 'uploads'), { recursive: true });
    if (existsSync(join(from, 'secrets.json'))) await cp(join(from, 'secrets.json'), join(target.dataDir, 'secrets.json'));
  }
  return manifest;
}
