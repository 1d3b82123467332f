// What the warm runners' AWS resources must agree on with the code, exported through
// @mediaflow/processing/declaration for cdktf and the emulator bootstrap (no SDK client here).

/** Claim rows in processing's read model are `warm#<runnerId>`: the warm runner may touch those and no other. */
export const WARM_CLAIM_KEY_PREFIX = 'warm#';
/** The claim rows' expiry (epoch seconds), the read-model table's TTL attribute. */
export const WARM_CLAIM_TTL_ATTRIBUTE = 'expiresAt';
/**
 * The VisibilityTimeout the warm runner loop asks for on each receive (renewed every third of it while
 * the job runs); the queue's default is the same, so a message is never visible again under a live job.
 */
export const WARM_RUNNER_VISIBILITY_SECONDS = 120;
