// Structured JSON logs for every service: powertools logger with the service name and, per message
// handled or request served, its correlation id.
import { Logger } from '@aws-lambda-powertools/logger';

export type { Logger };

type LogLevelName = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' | 'CRITICAL';

/**
 * `logLevel` comes from the settings the entry point loaded (LOG_LEVEL); without one, powertools
 * applies its own default (its LOG_LEVEL variable, else INFO).
 */
export const createLogger = (serviceName: string, keys: Record<string, string> = {}, logLevel?: LogLevelName): Logger =>
  new Logger({
    serviceName: `mediaflow-${serviceName}`,
    ...(logLevel && { logLevel }),
    persistentKeys: keys,
  });

/** A child logger carrying the correlation id of the event or request being handled. */
export const withCorrelation = (logger: Logger, correlationId: string, extra: Record<string, string> = {}): Logger =>
  logger.createChild({ persistentKeys: { correlationId, ...extra } });
