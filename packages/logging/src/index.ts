// Structured JSON logs for every service: powertools logger with the service name and, per message
// handled or request served, its correlation id.
import { Logger } from '@aws-lambda-powertools/logger';

export type { Logger };

export const createLogger = (serviceName: string, keys: Record<string, string> = {}): Logger =>
  new Logger({
    serviceName: `mediaflow-${serviceName}`,
    logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
    persistentKeys: keys,
  });

/** A child logger carrying the correlation id of the event or request being handled. */
export const withCorrelation = (logger: Logger, correlationId: string, extra: Record<string, string> = {}): Logger =>
  logger.createChild({ persistentKeys: { correlationId, ...extra } });
