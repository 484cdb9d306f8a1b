import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  Alarm, AlarmStatusWidget, ComparisonOperator, Dashboard, GraphWidget, MathExpression, Metric, TextWidget, TreatMissingData, type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { CfnFunction, type Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { FilterPattern, MetricFilter, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { MetricKey } from '@ltx/functions/observability/metrics';
import { isChinaRegion } from '@ltx/shared/config/stages';
import type { Api } from './api.js';
import type { DataTable } from './data-table.js';
import type { ReminderJob } from './reminder-job.js';

export interface ObservabilityProps {
  api: Api;
  reminders: ReminderJob;
  data: DataTable;
  /** Who is told when an alarm goes off or clears (the stage's `alarmEmails`): each confirms the subscription mail once. */
  alarmEmails?: readonly string[];
}

/** Where the runbook explains each alarm: every alarm's description points there. */
const RUNBOOK = 'docs/runbook.md';

/** A Lambda's errors and durations are watched per function: the alarm's name says which one (`LambdaErrors-members`). */
export const perFunctionAlarms = ['LambdaErrors', 'LambdaDurationNearTimeout'] as const;

/**
 * What an operator woken at night needs: the app's metrics (EMF, functions/src/observability/metrics.ts) under
 * one namespace per stack, alarms on what hurts users (docs/runbook.md explains each by its name) sent to an SNS
 * topic the stage's contacts subscribe to, one dashboard, a dead-letter queue for the reminder job's failed
 * runs, and X-Ray tracing of the functions where the region offers it (not in AWS China, where Lambda has no
 * X-Ray integration). Metrics are log lines, so no function needs cloudwatch:PutMetricData.
 */
export class Observability extends Construct {
  readonly namespace: string;
  readonly topic: Topic;
  readonly deadLetters: Queue;
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.namespace = `LtxBranch/${stack.stackName}`;
    const functions = new Map<string, LambdaFunction>([...props.api.functions, ['reminders', props.reminders.fn]]);
    for (const fn of functions.values()) fn.addEnvironment('METRICS_NAMESPACE', this.namespace);

    // The topic is encrypted with a key of its own, which CloudWatch may use to publish alarms to it.
    const key = new Key(this, 'AlarmKey', { description: 'Encrypts the alarm topic', enableKeyRotation: true });
    key.addToResourcePolicy(new PolicyStatement({
      sid: 'CloudWatchAlarmsOfThisAccount',
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }));
    this.topic = new Topic(this, 'AlarmTopic', { displayName: '党支部小程序告警', masterKey: key, enforceSSL: true });
    for (const email of props.alarmEmails ?? []) this.topic.addSubscription(new EmailSubscription(email));

    // The reminder job runs asynchronously (EventBridge): a run that still fails after Lambda's two retries lands here.
    // Its messages are the schedule's events, no personal data: SQS's own encryption suffices.
    this.deadLetters = new Queue(this, 'ReminderDeadLetters', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue: the reminder job\'s failed asynchronous invocations (Lambda on-failure destination) land here, watched by the ReminderDeadLetters alarm.',
    });
    props.reminders.fn.configureAsyncInvoke({ onFailure: new SqsDestination(this.deadLetters), retryAttempts: 2, maxEventAge: Duration.hours(1) });

    this.traceWhereOffered(functions);
    this.defineAlarms(props, functions);
    this.dashboard = this.defineDashboard(props, functions);
  }

  /** One of the app's metrics (EMF), namespace-wide unless `dimensions`. */
  private appMetric(key: MetricKey, statistic = 'Sum', period = Duration.minutes(5), dimensions?: Record<string, string>): Metric {
    return new Metric({ namespace: this.namespace, metricName: key, statistic, period, dimensionsMap: dimensions });
  }

  /** `name` after the stack's name; its runbook section is `name`, or `<family>-<function>` for a per-function alarm. */
  private alarm(name: string, metric: IMetric, options: { threshold: number; evaluationPeriods?: number; datapointsToAlarm?: number; below?: boolean; missing?: TreatMissingData; what: string }): Alarm {
    const family = perFunctionAlarms.find((p) => name.startsWith(`${p}-`));
    const alarm = new Alarm(this, `${name}Alarm`, {
      alarmName: `${Stack.of(this).stackName}-${name}`,
      alarmDescription: `${options.what} What to do: ${RUNBOOK}, section ${family ? `${family}-<function>` : name}.`,
      metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      datapointsToAlarm: options.datapointsToAlarm,
      comparisonOperator: options.below ? ComparisonOperator.LESS_THAN_THRESHOLD : ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: options.missing ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }

  private defineAlarms(props: ObservabilityProps, functions: ReadonlyMap<string, LambdaFunction>): void {
    const api = props.api.httpApi;
    const fiveMinutes = Duration.minutes(5);
    this.alarm('Api5xxRate', new MathExpression({
      // Below 20 requests in five minutes a single fault would read as a rate: not worth waking anyone.
      expression: 'IF(requests >= 20, 100 * faults / requests, 0)',
      usingMetrics: { faults: api.metricServerError({ period: fiveMinutes, statistic: 'Sum' }), requests: api.metricCount({ period: fiveMinutes, statistic: 'Sum' }) },
      period: fiveMinutes,
      label: 'API 5xx (% of requests)',
    }), { threshold: 5, evaluationPeriods: 3, datapointsToAlarm: 2, what: 'More than 5% of API requests answered 5xx in two of the last three 5-minute periods.' });

    // HTTP APIs publish no throttle metric: the stage's throttled requests are the 429s that reached no integration.
    const accessLogs = props.api.node.findChild('AccessLogs') as ILogGroup;
    const throttled = new MetricFilter(this, 'ApiThrottledFilter', {
      logGroup: accessLogs,
      filterPattern: FilterPattern.all(FilterPattern.stringValue('$.status', '=', '429'), FilterPattern.stringValue('$.integrationLatencyMs', '=', '-')),
      metricNamespace: this.namespace,
      metricName: 'ApiThrottled',
      metricValue: '1',
    });
    this.alarm('ApiThrottles', throttled.metric({ statistic: 'Sum', period: fiveMinutes }), {
      threshold: 10, what: 'API Gateway refused 10 or more requests in 5 minutes for the stage\'s rate or burst limit (users see 服务繁忙).',
    });

    for (const [label, fn] of functions) {
      this.alarm(`LambdaErrors-${label}`, fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), {
        threshold: 1, what: `The ${label} function failed (crashed, ran out of time or memory, or the reminder run threw).`,
      });
      const timeoutSeconds = (fn.node.defaultChild as CfnFunction).timeout ?? 3;
      this.alarm(`LambdaDurationNearTimeout-${label}`, fn.metricDuration({ period: fiveMinutes, statistic: 'Maximum' }), {
        threshold: Math.round(timeoutSeconds * 1000 * 0.8), evaluationPeriods: 3, datapointsToAlarm: 2,
        what: `The ${label} function ran longer than 80% of its ${timeoutSeconds}-second timeout in two of the last three 5-minute periods.`,
      });
    }

    // Throttling comes from the account's concurrency in the region, shared by all its functions: one alarm on the
    // region-wide figure (which also counts other stacks' functions, as they take from the same limit).
    this.alarm('LambdaThrottles', new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', statistic: 'Sum', period: fiveMinutes }), {
      threshold: 1, what: 'Lambda refused to run a function in this account and region: the concurrency limit was reached.',
    });

    const table = props.data.table;
    this.alarm('DynamoThrottles', new MathExpression({
      expression: 'reads + writes',
      usingMetrics: { reads: table.metric('ReadThrottleEvents', { period: fiveMinutes, statistic: 'Sum' }), writes: table.metric('WriteThrottleEvents', { period: fiveMinutes, statistic: 'Sum' }) },
      period: fiveMinutes,
      label: 'DynamoDB throttle events',
    }), { threshold: 1, what: 'DynamoDB throttled reads or writes of the table.' });

    // The job runs every 15 minutes: its figures are summed over that period.
    const runPeriod = Duration.minutes(15);
    this.alarm('ReminderFailures', this.appMetric('RemindersFailed', 'Sum', runPeriod), {
      threshold: 1, what: 'WeChat refused or lost one or more reminders: they are 发送失败 on the secretaries\' outbox, to be phoned.',
    });
    this.alarm('StuckClaims', this.appMetric('StuckClaims', 'Sum', runPeriod), {
      threshold: 1, what: 'A reminder run died holding claimed reminders: they were released for another try, or marked failed after the last.',
    });
    this.alarm('ReminderJobSilent', this.appMetric('ReminderRuns', 'Sum', Duration.hours(1)), {
      threshold: 1, below: true, missing: TreatMissingData.BREACHING, what: 'The reminder job has not finished a run for an hour (it should every 15 minutes).',
    });
    this.alarm('ReminderDeadLetters', this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }), {
      threshold: 1, what: 'A reminder run failed three times in a row and its event is in the dead-letter queue.',
    });
  }

  private defineDashboard(props: ObservabilityProps, functions: ReadonlyMap<string, LambdaFunction>): Dashboard {
    const stack = Stack.of(this);
    const api = props.api.httpApi;
    const perRoute = (name: string, statistic: string) =>
      new MathExpression({ expression: `SEARCH('{${this.namespace},Route} MetricName="${name}"', '${statistic}', 300)`, usingMetrics: {}, label: '', period: Duration.minutes(5) });
    const fns = [...functions];
    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${stack.stackName}-operations` });
    dashboard.addWidgets(new TextWidget({ markdown: `# ${stack.stackName}\nAlarms and what to do: \`${RUNBOOK}\`. Metrics: namespace \`${this.namespace}\`.`, width: 24, height: 2 }));
    dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 6 }));
    dashboard.addWidgets(
      new GraphWidget({ title: 'API requests and errors', left: [api.metricCount({ statistic: 'Sum' }), api.metricServerError({ statistic: 'Sum' }), api.metricClientError({ statistic: 'Sum' })], width: 12 }),
      new GraphWidget({ title: 'API latency (p50, p99)', left: [api.metricLatency({ statistic: 'p50' }), api.metricLatency({ statistic: 'p99' })], width: 12 }),
    );
    dashboard.addWidgets(
      new GraphWidget({ title: 'Requests per route', left: [perRoute('Requests', 'Sum')], width: 8 }),
      new GraphWidget({ title: '5xx per route', left: [perRoute('Errors', 'Sum')], width: 8 }),
      new GraphWidget({ title: 'Latency per route (p99, ms)', left: [perRoute('Latency', 'p99')], width: 8 }),
    );
    dashboard.addWidgets(
      new GraphWidget({ title: 'Lambda errors', left: fns.map(([label, fn]) => fn.metricErrors({ statistic: 'Sum', label })), width: 8 }),
      new GraphWidget({ title: 'Lambda throttles', left: fns.map(([label, fn]) => fn.metricThrottles({ statistic: 'Sum', label })), width: 8 }),
      new GraphWidget({ title: 'Lambda duration (max, ms)', left: fns.map(([label, fn]) => fn.metricDuration({ statistic: 'Maximum', label })), width: 8 }),
    );
    const runPeriod = Duration.minutes(15);
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Reminders',
        left: (['RemindersSent', 'RemindersFailed', 'RemindersNeedCall', 'RemindersSkipped'] as const).map((k) => this.appMetric(k, 'Sum', runPeriod)),
        width: 8,
      }),
      new GraphWidget({
        title: 'Reminder job: stuck claims and dead letters',
        left: [this.appMetric('StuckClaims', 'Sum', runPeriod), this.appMetric('ClaimsGivenUp', 'Sum', runPeriod)],
        right: [this.deadLetters.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum' })],
        width: 8,
      }),
      new GraphWidget({
        title: 'Content refused and roster imports',
        left: [this.appMetric('ContentRejections', 'Sum', Duration.hours(1)), this.appMetric('Imports', 'Sum', Duration.hours(1)), this.appMetric('ImportedMembers', 'Sum', Duration.hours(1))],
        width: 8,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'DynamoDB',
        left: [props.data.table.metricConsumedReadCapacityUnits({ statistic: 'Sum' }), props.data.table.metricConsumedWriteCapacityUnits({ statistic: 'Sum' })],
        right: [props.data.table.metric('ReadThrottleEvents', { statistic: 'Sum' }), props.data.table.metric('WriteThrottleEvents', { statistic: 'Sum' })],
        width: 24,
      }),
    );
    return dashboard;
  }

  /**
   * Active X-Ray tracing where the stack's region offers it. AWS China's Lambda has no X-Ray integration
   * (docs.amazonaws.cn, Lambda in the China regions), and a stack not tied to a region cannot know: both trace nothing.
   */
  private traceWhereOffered(functions: ReadonlyMap<string, LambdaFunction>): void {
    const region = Stack.of(this).region;
    if (Token.isUnresolved(region) || isChinaRegion(region)) return;
    for (const [label, fn] of functions) {
      (fn.node.defaultChild as CfnFunction).tracingConfig = { mode: 'Active' };
      fn.addToRolePolicy(new PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }));
      Validations.of(fn.role!).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: `X-Ray's PutTraceSegments and PutTelemetryRecords support no resource-level permission: the ${label} function sends its traces with resource "*", as AWSXRayDaemonWriteAccess does.`,
      });
    }
  }
}
