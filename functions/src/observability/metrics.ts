/**
 * The app's CloudWatch metrics, in Embedded Metric Format (EMF): one JSON line on stdout that CloudWatch
 * Logs turns into metrics. No PutMetricData call, so no SDK client, no network wait and no IAM permission.
 *
 * Written by hand rather than with Powertools Metrics: that package adds 12.3 KB minified to each function
 * (measured with esbuild 0.28 over the Powertools logger and commons every function already carries), and
 * the largest domain bundle is 287 KB of its 300 KB budget (bench/budgets.ts). The format is small and fixed:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */

/**
 * Every metric the app emits, by its CloudWatch name, with its unit: declared once, and the stack's alarms and
 * dashboard (infra/src/constructs/observability.ts) read the names here.
 */
export const metricUnits = {
  /** Per route (dimension `Route`, the declared template): every answered request. */
  Requests: 'Count',
  /** Per route: answers with a 5xx status (faults; a refusal in words is a 4xx and not counted). */
  Errors: 'Count',
  /** Per route: from the event's arrival in the function to its answer. */
  Latency: 'Milliseconds',
  /** One per run of the reminder job (the "job is silent" alarm watches it). */
  ReminderRuns: 'Count',
  RemindersSent: 'Count',
  /** A send WeChat or the network refused: the secretary's outbox says 发送失败，请打电话通知. */
  RemindersFailed: 'Count',
  /** No agreement left or no WeChat identity: on the secretary's phone list. */
  RemindersNeedCall: 'Count',
  RemindersSkipped: 'Count',
  /** Claims (`sending`) older than the claim timeout: a run died holding them. Each is released or given up. */
  StuckClaims: 'Count',
  /** Stuck claims that had used all their attempts: marked `failed` instead of released. */
  ClaimsGivenUp: 'Count',
  /** Texts or images WeChat's content check refused. */
  ContentRejections: 'Count',
  /** Roster imports applied (花名册导入), and the members they created or updated. */
  Imports: 'Count',
  ImportedMembers: 'Count',
} as const;

export type MetricKey = keyof typeof metricUnits;

/**
 * The stack sets one namespace per stage (two stages may share an account and region) on every function. Without
 * one (the local stack, the tests) no metric is written: on one machine they would only bury the logs.
 */
export const metricsNamespace = (): string | undefined => process.env.METRICS_NAMESPACE;

/**
 * One EMF document: `values` under `dimensions` (names and values; none: the namespace-wide figure),
 * stamped `at` (the time CloudWatch files them under).
 */
export function emfLine(namespace: string, at: Date, values: Partial<Record<MetricKey, number>>, dimensions: Readonly<Record<string, string>> = {}): string {
  const keys = (Object.keys(values) as MetricKey[]).filter((k) => values[k] !== undefined);
  return JSON.stringify({
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: [Object.keys(dimensions)],
          Metrics: keys.map((k) => ({ Name: k, Unit: metricUnits[k] })),
        },
      ],
    },
    ...dimensions,
    ...Object.fromEntries(keys.map((k) => [k, values[k]])),
  });
}

/** Writes a document as one log line of its own: CloudWatch reads EMF only from a line that is the JSON alone. */
export function writeMetrics(at: Date, values: Partial<Record<MetricKey, number>>, dimensions?: Readonly<Record<string, string>>): void {
  const namespace = metricsNamespace();
  if (!namespace || Object.keys(values).length === 0) return;
  process.stdout.write(`${emfLine(namespace, at, values, dimensions)}\n`);
}

/**
 * Counts that services add while they work (a refused text, an applied import), written with the request's
 * own metrics at its end (api/serve.ts): the services need no clock or output of their own for it.
 */
const pending: Partial<Record<MetricKey, number>> = {};

export function countMetric(key: MetricKey, n = 1): void {
  pending[key] = (pending[key] ?? 0) + n;
}

/** Writes and clears the counts added since the last flush (namespace-wide, no dimension). */
export function flushCounts(at: Date): void {
  const values = { ...pending };
  for (const k of Object.keys(pending) as MetricKey[]) delete pending[k];
  writeMetrics(at, values);
}
