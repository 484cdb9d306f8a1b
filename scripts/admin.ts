/**
 * `npm run admin -- bootstrap --org "某市委老干部局离退休干部工委" [--name 张三] [--stage local|dev|prod]
 *   [--table <TableName>] [--endpoint <url>] [--data-dir .data]`
 *
 * The first administrator of a fresh deployment: creates the top organisation if it is absent (its id
 * comes from its name, so running twice makes one) and a one-time administrator invite that expires in
 * 7 days, through the same services the API runs (functions/src/context.ts `buildServices`), and prints
 * the code and how to use it.
 *
 * Where it writes (see docs/deploy.md, "The first administrator"):
 * - `--stage dev|prod`: the deployed table, with the AWS credentials and region of the environment
 *   (AWS_PROFILE / AWS_REGION). The table name is the stack's `TableName` output, given as `--table`
 *   (or TABLE_NAME).
 * - `--stage local` (the default): the local stack's table (`ltx-local`), either in a dynalite you name
 *   with `--endpoint`, or in the data folder (`--data-dir`, default `.data`, as `npm start` uses) opened
 *   here: stop `npm start` first, one process at a time may open it.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { whenWords } from '@ltx/shared/wording/time-words';
import { inviteLifetimeDays } from '@ltx/shared/domain/invites';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import { buildServices } from '../functions/src/context';
import { createDocumentClient } from '../functions/src/db/client';
import { ensureTable, startEmbeddedDynamo } from '../local/embedded-dynamodb';

const localTable = 'ltx-local';

const usage = `用法：
  npm run admin -- bootstrap --org "组织全称" [--name 管理员姓名] [--stage local|dev|prod] [--table 表名] [--endpoint 地址] [--data-dir .data]

  --stage dev|prod  写入已部署的表：用当前环境的 AWS 凭证和区域，表名用 --table 给出（部署输出的 TableName）
  --stage local     写入本地数据（默认）：--endpoint 指向正在运行的 dynalite，或不给它而打开 --data-dir（先停止 npm start）`;

export interface AdminOptions {
  /** Where the lines a person reads go (the console, or a test's list). */
  print?: (line: string) => void;
  clock?: Clock;
}

/** Runs one admin command; answers the process exit code (0 done, 2 a usage mistake). */
export async function runAdmin(argv: string[], options: AdminOptions = {}): Promise<number> {
  const print = options.print ?? ((line: string) => console.log(line));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        org: { type: 'string' },
        name: { type: 'string' },
        stage: { type: 'string', default: 'local' },
        table: { type: 'string' },
        endpoint: { type: 'string' },
        'data-dir': { type: 'string' },
      },
    });
  } catch (error) {
    print(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const orgName = values.org?.trim();
  const adminName = values.name?.trim() || '管理员';
  if (positionals[0] !== 'bootstrap' || !orgName) {
    print(usage);
    return 2;
  }
  if (!['local', 'dev', 'prod'].includes(values.stage)) {
    print(`--stage 只能是 local、dev 或 prod\n${usage}`);
    return 2;
  }
  const local = values.stage === 'local';
  const table = values.table ?? process.env.TABLE_NAME ?? (local ? localTable : undefined);
  if (!table) {
    print('请用 --table 给出表名：部署输出的 TableName，例如\n  aws cloudformation describe-stacks --stack-name LtxBranch --query "Stacks[0].Outputs[?OutputKey==\'TableName\'].OutputValue" --output text');
    return 2;
  }

  // Locally without an endpoint: open the data folder's dynalite here, and the table if it is new.
  const embedded = local && !values.endpoint ? await startEmbeddedDynamo(resolve(values['data-dir'] ?? '.data', 'dynamodb')) : undefined;
  const endpoint = values.endpoint ?? embedded?.endpoint;
  if (embedded) await ensureTable(embedded.endpoint, table);
  const db = createDocumentClient(endpoint);
  try {
    const services = buildServices({ db, tableName: table, clock: options.clock ?? systemClock });
    const { org, created, invite } = await services.staff.bootstrap({ orgName, adminName });
    print(`组织：${org.name}（${created ? '已新建' : '已存在，未重复创建'}）`);
    print(`管理员邀请码：${invite.code}（${invite.name}，只能使用一次，${inviteLifetimeDays} 天内有效，到 ${whenWords(invite.expiresAt)} 为止）`);
    print(`使用方法：请管理员在微信中打开小程序，按提示进入“绑定”页，输入邀请码 ${invite.code}；`);
    print(`也可以把小程序页面 ${invite.path} 发给他，打开后邀请码已填好。`);
    print('绑定后，管理员可以在小程序里邀请督导、支部书记和联系人。');
    return 0;
  } finally {
    db.destroy();
    await embedded?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runAdmin(process.argv.slice(2));
}
