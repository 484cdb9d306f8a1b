import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseStages } from '@ltx/shared/config/stages';
import { claimPolicy } from '../../functions/src/services/reminder-sender';
import { perFunctionAlarms } from '../../infra/src/constructs/observability';
import { readStages, stackFor } from '../../infra/src/stage-props';
import type { BranchStack } from '../../infra/src/stacks/branch-stack';
import { buildStack } from './helpers';

/**
 * Alarms, dashboard, alarm topic, dead-letter queue and tracing, on the synthesized templates of an AWS China
 * stage and a global one, built from config/stages.json as `cdk synth` builds them. The alarms must be exactly
 * those docs/runbook.md explains, by name.
 */
type Json = Record<string, any>;
const resourcesOf = (template: Json, type: string): [string, Json][] =>
  Object.entries(template.Resources as Record<string, Json>).filter(([, r]) => r.Type === type);

const runbook = readFileSync(fileURLToPath(new URL('../../docs/runbook.md', import.meta.url)), 'utf8');
/** The alarm headings of the runbook: `### \`Name\`` (a per-function one as `LambdaErrors-<function>`). */
const runbookAlarms = [...runbook.matchAll(/^### `([A-Za-z0-9<>-]+)`/gm)].map((m) => m[1]!);

const contacts = ['ops@example.cn', 'oncall@example.cn'];
const stages = { china: 'cn-northwest-1', global: 'ap-east-1' } as const;
const built: Record<keyof typeof stages, { stack: BranchStack; template: Json }> = {} as never;

beforeAll(() => {
  const configs = readStages();
  for (const [name, region] of Object.entries(stages) as [keyof typeof stages, string][]) {
    const { props } = stackFor(parseStages({ ...configs, prod: { ...configs.prod, region, alarmEmails: contacts } }), 'prod', '123456789012');
    const { stack, template } = buildStack(props);
    built[name] = { stack, template: template.toJSON() as Json };
  }
});

describe.each(Object.keys(stages) as (keyof typeof stages)[])('observability of the %s stage', (name) => {
  const get = () => built[name];
  const alarms = (): Json[] => resourcesOf(get().template, 'AWS::CloudWatch::Alarm').map(([id, r]) => ({ id, ...(r.Properties as Json) }));
  const functionLabels = () => [...get().stack.api.functions.keys(), 'reminders'].sort();

  it('has exactly the alarms docs/runbook.md explains, each named after the stack and pointing at its section', () => {
    const prefix = `${get().stack.stackName}-`;
    const names = alarms().map((a) => a.AlarmName as string);
    for (const n of names) expect(n.startsWith(prefix), n).toBe(true);
    const short = names.map((n) => n.slice(prefix.length));
    const asInRunbook = short.map((n) => perFunctionAlarms.find((p) => n.startsWith(`${p}-`)) ? n.replace(/-.*$/, '-<function>') : n);
    expect(new Set(asInRunbook)).toEqual(new Set(runbookAlarms));
    expect(runbookAlarms.length).toBeGreaterThanOrEqual(10);
    // Each per-function alarm exists for every function, and once.
    for (const family of perFunctionAlarms) {
      expect(short.filter((n) => n.startsWith(`${family}-`)).map((n) => n.slice(family.length + 1)).sort()).toEqual(functionLabels());
    }
    expect(new Set(short).size).toBe(short.length);
    for (const a of alarms()) expect(a.AlarmDescription).toMatch(/docs\/runbook\.md, section [A-Za-z0-9<>-]+\.$/);
  });

  it('sends every alarm, and its end, to the topic the stage\'s contacts subscribe to; the topic is encrypted', () => {
    const [[topicId, topic]] = resourcesOf(get().template, 'AWS::SNS::Topic') as [[string, Json]];
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    const subscriptions = resourcesOf(get().template, 'AWS::SNS::Subscription').map(([, s]) => s.Properties);
    expect(subscriptions.map((s) => [s.Protocol, s.Endpoint, s.TopicArn])).toEqual(contacts.map((c) => ['email', c, { Ref: topicId }]));
    for (const a of alarms()) {
      expect(a.AlarmActions, a.AlarmName).toEqual([{ Ref: topicId }]);
      expect(a.OKActions, a.AlarmName).toEqual([{ Ref: topicId }]);
    }
  });

  it('has a dashboard over the app\'s metrics, per route and for the reminders', () => {
    const dashboards = resourcesOf(get().template, 'AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const [, dashboard] = dashboards[0]!;
    expect(dashboard.Properties.DashboardName).toBe(`${get().stack.stackName}-operations`);
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const metric of ['Requests', 'Errors', 'Latency', 'RemindersSent', 'RemindersFailed', 'StuckClaims', 'ContentRejections', 'Imports']) expect(body).toContain(metric);
    expect(body).toContain(`LtxBranch/${get().stack.stackName}`);
  });

  it('needs no metrics permission: every function writes EMF under the stack\'s namespace, and none may call PutMetricData', () => {
    const functions = resourcesOf(get().template, 'AWS::Lambda::Function').map(([, f]) => f.Properties);
    expect(functions.length).toBe(functionLabels().length);
    for (const f of functions) expect(f.Environment.Variables.METRICS_NAMESPACE).toBe(`LtxBranch/${get().stack.stackName}`);
    expect(JSON.stringify(resourcesOf(get().template, 'AWS::IAM::Policy'))).not.toContain('cloudwatch:PutMetricData');
  });

  it('sends the reminder job\'s failed runs, after two retries, to a dead-letter queue watched by an alarm', () => {
    const queues = resourcesOf(get().template, 'AWS::SQS::Queue');
    expect(queues).toHaveLength(1);
    const [queueId, queue] = queues[0]!;
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    const reminderFn = get().stack.getLogicalId(get().stack.reminders.fn.node.defaultChild as never);
    const [[, config]] = resourcesOf(get().template, 'AWS::Lambda::EventInvokeConfig') as [[string, Json]];
    expect(config.Properties).toMatchObject({ FunctionName: { Ref: reminderFn }, MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } } });
    const depth = alarms().find((a) => a.AlarmName.endsWith('-ReminderDeadLetters'))!;
    expect(depth).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
    expect(depth.Dimensions).toEqual([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }]);
  });

  it('lets a dead run\'s claims go only after the job\'s timeout: the claim timeout is longer', () => {
    const timeoutSeconds = (get().stack.reminders.fn.node.defaultChild as { timeout?: number }).timeout!;
    expect(timeoutSeconds * 1000).toBeLessThan(claimPolicy.timeoutMs);
  });

  it(name === 'china' ? 'traces nothing: AWS China\'s Lambda has no X-Ray' : 'traces every function with X-Ray', () => {
    const functions = resourcesOf(get().template, 'AWS::Lambda::Function').map(([, f]) => f.Properties);
    for (const f of functions) expect(f.TracingConfig).toEqual(name === 'china' ? undefined : { Mode: 'Active' });
    expect(JSON.stringify(resourcesOf(get().template, 'AWS::IAM::Policy')).includes('xray:PutTraceSegments')).toBe(name !== 'china');
  });

  it('passes cdk-nag', () => {
    const report = new AwsSolutionsChecks(get().stack).validateScope(get().stack);
    expect(report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`))).toEqual([]);
  });
});
