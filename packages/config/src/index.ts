export * from './aws';
export * from './environment';
