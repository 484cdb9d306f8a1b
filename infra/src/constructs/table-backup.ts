import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import type { DataKey } from './data-key.js';
import type { DataTable } from './data-table.js';

export interface TableBackupProps {
  data: DataTable;
  /** Encrypts the vault. */
  key: DataKey;
}

/** How long each kind of recovery point is kept (docs/runbook.md and docs/deploy.md cite these). */
export const backupRetention = { dailyDays: 35, monthlyDays: 365 } as const;

/**
 * AWS Backup for the table, beside its point-in-time recovery (35 days, to the second): a daily recovery
 * point kept 35 days and a monthly one kept a year, in a vault of their own that outlives the table and the
 * stack. AWS Backup is offered in both AWS China regions. A restore is `npm run restore` (PITR, to a new table,
 * with a count of items per entity) or, from a recovery point, AWS Backup's console (docs/deploy.md).
 */
export class TableBackup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: TableBackupProps) {
    super(scope, id);
    this.vault = new BackupVault(this, 'Vault', {
      encryptionKey: props.key.key,
      // The recovery points are the last copy when the table is gone: never removed with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.plan = new BackupPlan(this, 'Plan', {
      backupVault: this.vault,
      backupPlanRules: [
        // 03:00 Beijing time (19:00 UTC), when nobody uses the mini-program.
        new BackupPlanRule({ ruleName: 'Daily', scheduleExpression: Schedule.cron({ hour: '19', minute: '0' }), deleteAfter: Duration.days(backupRetention.dailyDays) }),
        new BackupPlanRule({ ruleName: 'Monthly', scheduleExpression: Schedule.cron({ day: '1', hour: '19', minute: '0' }), deleteAfter: Duration.days(backupRetention.monthlyDays) }),
      ],
    });
    const selection = this.plan.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(props.data.table)] });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason: "AWS Backup's own role, with the managed policy AWS keeps current for the services it backs up; it is assumed by backup.amazonaws.com only.",
    });
  }
}
