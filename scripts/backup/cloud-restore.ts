/**
 * A deployed stage's table restored to a new table from its point-in-time recovery (RestoreTableToPointInTime),
 * then checked: items per entity (`type`) counted in the source and the restored table. The new table is a copy
 * to inspect or to recover records from; the stack keeps using its own table (docs/deploy.md, "Restore").
 */
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  RestoreTableToPointInTimeCommand,
  type RestoreTableToPointInTimeCommandInput,
} from '@aws-sdk/client-dynamodb';
import { compareCounts, countByType, formatCounts } from './table-items';

export interface CloudRestoreArgs {
  region: string;
  sourceTable: string;
  targetTable: string;
  /** An instant within the last 35 days; absent: the latest restorable time (about five minutes ago). */
  at?: Date;
}

/** The request made, as the plan shows it; the source's KMS key is added when known (the copy stays under it). */
export function restoreRequest(args: CloudRestoreArgs, kmsKeyArn?: string): RestoreTableToPointInTimeCommandInput {
  return {
    SourceTableName: args.sourceTable,
    TargetTableName: args.targetTable,
    ...(args.at ? { RestoreDateTime: args.at } : { UseLatestRestorableTime: true }),
    ...(kmsKeyArn ? { SSESpecificationOverride: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: kmsKeyArn } } : {}),
  };
}

export function describeRestore(args: CloudRestoreArgs): string {
  return [
    `区域：${args.region}`,
    `源表：${args.sourceTable}`,
    `恢复到新表：${args.targetTable}`,
    `恢复时间点：${args.at ? args.at.toISOString() : '最近可恢复时间（约 5 分钟前）'}`,
    '',
    '将依次执行：',
    `  1. DescribeTable ${args.sourceTable}、DescribeContinuousBackups：确认时间点恢复已开启、取得表的 KMS 密钥`,
    `  2. RestoreTableToPointInTime ${JSON.stringify(restoreRequest(args, '<源表的 KMS 密钥>'))}`,
    `  3. 等待 ${args.targetTable} 变为 ACTIVE（数据量小时约几分钟到半小时）`,
    `  4. 按实体（type）清点两表的条目数并对照；源表在恢复时间点之后的写入会使数目不同`,
  ].join('\n');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the restore and the check; true when every entity's count matches. */
export async function runCloudRestore(args: CloudRestoreArgs, log: (line: string) => void): Promise<boolean> {
  const client = new DynamoDBClient({ region: args.region });
  const { Table } = await client.send(new DescribeTableCommand({ TableName: args.sourceTable }));
  const { ContinuousBackupsDescription } = await client.send(new DescribeContinuousBackupsCommand({ TableName: args.sourceTable }));
  const pitr = ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
  if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED') throw new Error(`--from-table：${args.sourceTable} 没有开启时间点恢复`);
  log(`可恢复的时间范围：${pitr.EarliestRestorableDateTime?.toISOString()} 至 ${pitr.LatestRestorableDateTime?.toISOString()}`);
  await client.send(new RestoreTableToPointInTimeCommand(restoreRequest(args, Table?.SSEDescription?.KMSMasterKeyArn)));
  log(`已开始恢复到 ${args.targetTable}，等待完成…`);
  for (;;) {
    const { Table: target } = await client.send(new DescribeTableCommand({ TableName: args.targetTable }));
    if (target?.TableStatus === 'ACTIVE') break;
    await sleep(15_000);
  }
  client.destroy();
  return checkCounts(args, log);
}

/** Items per entity in the source and the restored table, side by side; true when every count matches. */
export async function checkCounts(args: CloudRestoreArgs, log: (line: string) => void): Promise<boolean> {
  const client = new DynamoDBClient({ region: args.region });
  const { rows, same } = compareCounts(await countByType(client, args.sourceTable), await countByType(client, args.targetTable));
  log(`按实体清点：\n${formatCounts(rows)}`);
  log(same ? '每种实体的条目数一致。' : '有实体的条目数不同（≠）：若源表在恢复时间点之后有写入，这是预期的；否则请检查。');
  client.destroy();
  return same;
}
