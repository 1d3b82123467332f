// Every command of the CLI, in the order the help lists them.
import type { Command } from '../command';
import { eventsReplayCommand } from './events';
import { jobsCancelCommand, jobsListCommand, jobsRetryCommand, jobsShowCommand } from './jobs';
import { tokenCommand } from './token';
import { uploadCommand } from './upload';
import { webhooksAddCommand, webhooksListCommand, webhooksRemoveCommand } from './webhooks';

export const COMMANDS: readonly Command[] = [
  uploadCommand,
  jobsListCommand,
  jobsShowCommand,
  jobsCancelCommand,
  jobsRetryCommand,
  webhooksAddCommand,
  webhooksListCommand,
  webhooksRemoveCommand,
  eventsReplayCommand,
  tokenCommand,
];
