import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyValidationPluginReport } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { deployedRoutes } from '../../functions/src/api';
import { uploadAccessOf } from '../../infra/src/constructs/api';
import type { BranchStack } from '../../infra/src/stacks/branch-stack';
import { acknowledgements, buildStack, type Acknowledgement } from './helpers';

let stack: BranchStack;
/** AWS Backup's service role with its AWS-managed policy (infra/src/constructs/table-backup.ts). */
const backupRoleFinding = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]';
let acks: Acknowledgement[];

/** cdk-nag's report with the acknowledgements ignored: every finding the rules raise. */
function rawFindings(scope: BranchStack): PolicyValidationPluginReport {
  const pack = new AwsSolutionsChecks();
  (pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
  return pack.validateScope(scope);
}

const summary = (report: PolicyValidationPluginReport) =>
  report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`));

beforeAll(() => {
  ({ stack } = buildStack());
  acks = acknowledgements(stack);
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding (errors or warnings)', () => {
    const report = new AwsSolutionsChecks(stack).validateScope(stack);
    expect(summary(report)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('really checks this stack: without the acknowledgements it does report findings', () => {
    const raw = rawFindings(stack);
    expect(raw.success).toBe(false);
    expect(raw.violations.map((v) => v.ruleName)).toContain('AwsSolutions-APIG4');
  });

  it('acknowledges only the expected rules', () => {
    // CFR2-4: the web console's static site (infra/src/constructs/web-console.ts), each with its reason there.
    expect([...new Set(acks.map((a) => a.id))].sort()).toEqual(['AwsSolutions-APIG4', stack.uploads.iam5FindingId, 'AwsSolutions-SMG4', 'AwsSolutions-SQS3', backupRoleFinding, 'AwsSolutions-CFR2', 'AwsSolutions-CFR3', 'AwsSolutions-CFR4'].sort());
  });

  it('acknowledges IAM5 only granularly, for uploads/* on the roles of the domains that touch attachments', () => {
    const iam5 = acks.filter((a) => a.id.startsWith('AwsSolutions-IAM5'));
    expect(stack.uploads.iam5FindingId).toMatch(/^AwsSolutions-IAM5\[Resource::<\w+\.Arn>\/uploads\/\*\]$/);
    for (const a of iam5) expect(a.id).toBe(stack.uploads.iam5FindingId);
    const withFiles = [...stack.api.functions.keys()].filter((d) => uploadAccessOf(deployedRoutes.filter((r) => r.domain === d)).length > 0);
    expect(withFiles.length).toBeGreaterThan(0);
    const rolePaths = withFiles.map((d) => stack.api.functions.get(d)!.role!.node.path);
    expect(iam5.map((a) => a.path).sort()).toEqual(rolePaths.sort());
  });

  it('gives every acknowledgement a real reason', () => {
    expect(acks.length).toBeGreaterThan(0);
    for (const a of acks) {
      expect(a.reason.trim(), `${a.id} at ${a.path}`).not.toBe('');
      expect(a.reason.trim().length, `${a.id} at ${a.path}`).toBeGreaterThan(20);
    }
  });

  it('has no stale acknowledgement: each one silences a finding the rules really raise there', () => {
    const raw = rawFindings(stack);
    for (const a of acks) {
      const hit = raw.violations.some(
        (v) => v.ruleName === a.id && v.violatingResources.some((r) => r.constructPath === a.path || r.constructPath?.startsWith(`${a.path}/`)),
      );
      expect(hit, `${a.id} at ${a.path}`).toBe(true);
    }
  });
});
