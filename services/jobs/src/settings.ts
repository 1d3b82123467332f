// @mediaflow/jobs/settings: the jobs service's environment variables and their loader (the README's settings table reads the schema).
export { JobsEnvironmentSchema, loadJobsSettings, type JobsSettings } from './main/jobs-config';
