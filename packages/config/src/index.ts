// @mediaflow/config: settings read from the environment once, validated by zod, with the shared pieces (secrets, URLs, durations, sizes) every service builds its settings from.
export * from './aws';
export * from './environment';
export * from './settings-pieces';
export * from './shared-settings';
export * from './settings-table';
