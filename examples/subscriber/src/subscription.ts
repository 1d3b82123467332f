// What this team receives from mediaflow, declared once: the stack (src/stack.ts) deploys it with the
// subscriber kit, and the end-to-end test provisions exactly this on the emulator.
import { declareSubscriber } from '@mediaflow/topology';

export const subscription = declareSubscriber({
  name: 'example-archive',
  subscriptions: [{ from: 'jobs', event: 'JobCompleted', versions: [1] }],
  maxReceiveCount: 5,
  visibilityTimeoutSeconds: 30,
});
