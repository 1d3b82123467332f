// Test helpers for code built on service-kit: the given/when/then specification for deciders.
export { DeciderSpecification } from './decider-specification';
