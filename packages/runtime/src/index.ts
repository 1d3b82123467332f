// @mediaflow/runtime: a service's infrastructure per mode in an inversify container, and its runtime.
import 'reflect-metadata';

export * from './tokens';
export * from './infrastructure-config';
export * from './service-runtime';
export * from './service-infrastructure';
export * from './runtime-module';
export * from './embedded-infrastructure';
export * from './embedded-paths';
export * from './aws-infrastructure';
export * from './service-instance';
export * from './run-aws-process';
export * from './relay-kick';
export * from './retention-pruner';
export * from './embedded-retention';
