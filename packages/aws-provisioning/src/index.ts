// @mediaflow/aws-provisioning: a service's messaging resources on AWS or an emulator, from its declaration.
export { provisionMessaging, deprovisionMessaging, type ProvisionedMessaging } from './provision-messaging';
export { ensureBus, deleteBus } from './ensure-bus';
export { ensureQueue } from './ensure-queue';
export { ensureSubscriptionRules, deleteRules } from './subscription-rules';
export { ensureDynamoTable } from './ensure-table';
export { provisionSubscriber, type ProvisionedSubscriber } from './provision-subscriber';
export { ensureArchive } from './ensure-archive';
