// ingest consumes nothing from the bus: uploads complete through its API (or the storage's own
// object-created notification, which is not a mediaflow event).
import { declareService } from '@mediaflow/topology';

export const ingestDeclaration = declareService({
  service: 'ingest',
  subscriptions: [],
  maxAttempts: 5,
  visibilityTimeoutSeconds: 30,
});
