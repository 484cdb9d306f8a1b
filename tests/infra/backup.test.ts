import { describe, expect, it } from 'vitest';
import { parseStages } from '@ltx/shared/config/stages';
import { backupRetention } from '../../infra/src/constructs/table-backup';
import { readStages, stackFor } from '../../infra/src/stage-props';
import { buildStack } from './helpers';

/**
 * Backups of the table beside its point-in-time recovery: an AWS Backup plan (daily and monthly recovery
 * points) in a vault under the stack's key, kept when the stack goes, selecting the table; on a China and a
 * global stage alike.
 */
type Json = Record<string, any>;
const resourcesOf = (template: Json, type: string): Json[] => Object.values(template.Resources as Record<string, Json>).filter((r) => r.Type === type);

describe.each(['cn-northwest-1', 'cn-north-1', 'ap-east-1'])('the backups of a stage in %s', (region) => {
  const configs = readStages();
  const { props } = stackFor(parseStages({ ...configs, prod: { ...configs.prod, region } }), 'prod', '123456789012');
  const { stack, template } = buildStack(props);
  const json = template.toJSON() as Json;
  const tableId = stack.getLogicalId(stack.data.table.node.defaultChild as never);
  const keyId = stack.getLogicalId(stack.key.key.node.defaultChild as never);

  it('keep point-in-time recovery on the table', () => {
    const [table] = resourcesOf(json, 'AWS::DynamoDB::Table');
    expect(table!.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('back the table up daily (35 days) and monthly (a year) into a retained vault under the stack key', () => {
    const [vault, ...otherVaults] = Object.values(json.Resources as Record<string, Json>).filter((r) => r.Type === 'AWS::Backup::BackupVault');
    expect(otherVaults).toEqual([]);
    expect(vault!.Properties.EncryptionKeyArn).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(vault!.DeletionPolicy).toBe('Retain');
    const [plan] = resourcesOf(json, 'AWS::Backup::BackupPlan');
    const rules = plan!.Properties.BackupPlan.BackupPlanRule as Json[];
    expect(rules.map((r) => [r.RuleName, r.ScheduleExpression, r.Lifecycle.DeleteAfterDays])).toEqual([
      ['Daily', 'cron(0 19 * * ? *)', backupRetention.dailyDays],
      ['Monthly', 'cron(0 19 1 * ? *)', backupRetention.monthlyDays],
    ]);
    const [selection] = resourcesOf(json, 'AWS::Backup::BackupSelection');
    expect(JSON.stringify(selection!.Properties.BackupSelection.Resources)).toContain(tableId);
    expect(JSON.stringify(json)).not.toContain(region.startsWith('cn-') ? 'arn:aws:' : 'arn:aws-cn:');
  });

  it("run under AWS Backup's own role: assumed by AWS Backup alone, with AWS's managed backup policy and nothing else", () => {
    const roleId = (selection: Json) => selection.Properties.BackupSelection.IamRoleArn['Fn::GetAtt'][0] as string;
    const [selection] = resourcesOf(json, 'AWS::Backup::BackupSelection');
    const role = json.Resources[roleId(selection!)] as Json;
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' } }]);
    expect(role.Properties.ManagedPolicyArns).toEqual([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup']] }]);
    expect(role.Properties.Policies).toBeUndefined();
  });
});
