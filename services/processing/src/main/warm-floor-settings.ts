// The warm floor's settings (AWS): how many queue-fed runners to keep while there is traffic, and
// where they are. Part of processing's one settings schema (processing-config spreads the shape).
import { z } from 'zod';
import { intSetting, secondsSetting, setting } from '@mediaflow/config';

export const WarmFloorEnvironmentShape = {
  MEDIAFLOW_RUNNER_WARM_FLOOR: intSetting(
    { min: 0, max: 100, default: 0 },
    { description: 'AWS: warm queue-fed runners kept while there is traffic (docs/dispatch.md); 0 = one RunTask per attempt' },
  ),
  MEDIAFLOW_RUNNER_WARM_SERVICE: setting(z.string().min(1), 'AWS: the ECS service of warm runners (needed when the floor is above 0)').optional(),
  MEDIAFLOW_RUNNER_JOBS_QUEUE_URL: setting(z.string().min(1), 'AWS: the SQS queue warm runners take attempts from (needed when the floor is above 0)').optional(),
  MEDIAFLOW_RUNNER_QUEUE_WAIT_SECONDS: secondsSetting(
    { min: 10, max: 24 * 3600, default: 600 },
    'AWS: an attempt queued for the warm floor that no runner took within this long counts as lost (retried)',
  ),
};

/** The warm floor of queue-fed runners in front of RunTask (docs/dispatch.md). */
export interface WarmFloorPlacement {
  readonly floor: number;
  readonly service?: string;
  readonly queueUrl?: string;
  readonly queueWaitSeconds: number;
}

type WarmFloorEnvironment = z.infer<z.ZodObject<typeof WarmFloorEnvironmentShape>>;

export const warmFloorPlacement = (c: WarmFloorEnvironment): WarmFloorPlacement => ({
  floor: c.MEDIAFLOW_RUNNER_WARM_FLOOR,
  ...(c.MEDIAFLOW_RUNNER_WARM_SERVICE !== undefined && { service: c.MEDIAFLOW_RUNNER_WARM_SERVICE }),
  ...(c.MEDIAFLOW_RUNNER_JOBS_QUEUE_URL !== undefined && { queueUrl: c.MEDIAFLOW_RUNNER_JOBS_QUEUE_URL }),
  queueWaitSeconds: c.MEDIAFLOW_RUNNER_QUEUE_WAIT_SECONDS,
});
