import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured logs. They carry ids, routes, codes and timings: never names, phone numbers or
 * request bodies, which may hold personal or health data.
 */
export const logger = new Logger({ serviceName: 'ltx-branch', logLevel: (process.env.LOG_LEVEL ?? 'INFO') as 'INFO' });
