/**
 * `npm run backup -- [--data-dir .data | --endpoint http://127.0.0.1:<port>] [--out backups/<name>]`: the local
 * stack's store (table, uploaded files, local secrets) into a new backup folder (scripts/backup/local-store.ts).
 * Stop `npm start` first when naming the data folder (dynalite locks it). A deployed stage is backed up by
 * AWS Backup and point-in-time recovery; `npm run restore -- --stage prod …` restores it.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { systemClock } from '../shared/src/time/clock';
import { localTableName } from '../local/stack';
import { backupLocal } from './backup/local-store';

const usage = '用法：npm run backup -- [--data-dir .data | --endpoint http://127.0.0.1:端口] [--table ltx-local] [--out backups/名称]';

async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { stage: { type: 'string', default: 'local' }, 'data-dir': { type: 'string' }, endpoint: { type: 'string' }, table: { type: 'string' }, out: { type: 'string' } } });
  if (values.stage !== 'local') {
    console.error('--stage：已部署的阶段由 AWS Backup（每日、每月）和时间点恢复自动备份；恢复用 npm run restore -- --stage prod --from-table … --to-table …（docs/deploy.md「备份与恢复」）');
    return 2;
  }
  const stamp = systemClock.now().toISOString().replace(/[:.]/g, '-');
  const out = resolve(values.out ?? `backups/local-${stamp}`);
  const target = values.endpoint ? { endpoint: values.endpoint, table: values.table ?? localTableName } : { dataDir: resolve(values['data-dir'] ?? process.env.DATA_DIR ?? '.data'), table: values.table ?? localTableName };
  const manifest = await backupLocal(target, out);
  console.log(`已备份到 ${out}：${manifest.items} 条数据，${Object.keys(manifest.files).length} 个文件（含 table.jsonl）`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  },
);
