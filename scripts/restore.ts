/**
 * `npm run restore`:
 * - `-- --from backups/<name> [--data-dir <new empty folder> | --endpoint …]`: a local backup (npm run backup)
 *   into an empty local store; then `DATA_DIR=<folder> npm start`.
 * - `-- --stage dev|prod --from-table <TableName> --to-table <new name> [--at 2026-12-01T08:00:00+08:00] [--dry-run]`:
 *   the deployed table's point-in-time recovery into a new table, then items per entity counted in both
 *   (scripts/backup/cloud-restore.ts). `--dry-run` prints the plan and calls nothing; `--check-only` only counts
 *   (a table restored from an AWS Backup recovery point in the console).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isStageName, parseStages } from '../shared/src/config/stages';
import { checkCounts, describeRestore, runCloudRestore } from './backup/cloud-restore';

const usage = `用法：
  npm run restore -- --from backups/名称 [--data-dir 新的空目录 | --endpoint http://127.0.0.1:端口]
  npm run restore -- --stage prod --from-table 源表名 --to-table 新表名 [--at 时间点] [--dry-run]
  npm run restore -- --stage prod --from-table 源表名 --to-table 已恢复的表名 --check-only`;

class UsageError extends Error {}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      stage: { type: 'string', default: 'local' },
      from: { type: 'string' },
      'data-dir': { type: 'string' },
      endpoint: { type: 'string' },
      table: { type: 'string' },
      'from-table': { type: 'string' },
      'to-table': { type: 'string' },
      at: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'check-only': { type: 'boolean', default: false },
    },
  });
  const stage = values.stage;
  if (!isStageName(stage)) throw new UsageError(`--stage：只能是 local、dev 或 prod，现在是「${stage}」`);
  if (stage === 'local') {
    if (!values.from) throw new UsageError('--from：请给出 npm run backup 生成的备份目录');
    // The local stack's modules load only for a local restore (they bring every handler along).
    const [{ localTableName }, { restoreLocal }] = await Promise.all([import('../local/stack'), import('./backup/local-store')]);
    const target = values.endpoint ? { endpoint: values.endpoint, table: values.table ?? localTableName } : { dataDir: resolve(values['data-dir'] ?? process.env.DATA_DIR ?? '.data'), table: values.table ?? localTableName };
    const manifest = await restoreLocal(resolve(values.from), target);
    console.log(`已恢复 ${manifest.items} 条数据和 ${Object.keys(manifest.files).length - 1} 个文件${target.dataDir ? `到 ${target.dataDir}；用 DATA_DIR=${target.dataDir} npm start 启动` : ''}`);
    return 0;
  }
  const stagesFile = process.env.LTX_STAGES_FILE ?? fileURLToPath(new URL('../config/stages.json', import.meta.url));
  const region = parseStages(JSON.parse(readFileSync(stagesFile, 'utf8')))[stage].region;
  const sourceTable = values['from-table'];
  const targetTable = values['to-table'];
  if (!sourceTable) throw new UsageError(`--from-table：请给出源表名（堆栈输出 TableName）：\n  aws cloudformation describe-stacks --stack-name <堆栈名> --query "Stacks[0].Outputs[?OutputKey=='TableName'].OutputValue" --output text`);
  if (!targetTable || !/^[A-Za-z0-9_.-]{3,255}$/.test(targetTable)) throw new UsageError('--to-table：请给出一个新的表名（3–255 个字母、数字、_ . -），不能是已有的表');
  if (targetTable === sourceTable && !values['check-only']) throw new UsageError('--to-table：不能恢复到源表本身，请用新的表名');
  const at = values.at ? new Date(values.at) : undefined;
  if (at && Number.isNaN(at.getTime())) throw new UsageError(`--at：「${values.at}」不是时间，请写如 2026-12-01T08:00:00+08:00`);
  const args = { region, sourceTable, targetTable, ...(at ? { at } : {}) };
  if (values['check-only']) {
    // A table restored another way (an AWS Backup recovery point): only the count of items per entity.
    return (await checkCounts(args, (line) => console.log(line))) ? 0 : 1;
  }
  console.log(describeRestore(args));
  if (values['dry-run']) {
    console.log('\n（演练：没有调用 AWS。）');
    return 0;
  }
  return (await runCloudRestore(args, (line) => console.log(line))) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? `${error.message}\n${usage}` : (error as Error).message);
    process.exit(2);
  },
);
