// Writes asyncapi.json: the AsyncAPI 3.0 catalog of every registered event, with the test fixtures'
// samples as examples. Committed, served by the API at /asyncapi.json and rendered by the web UI at
// /docs/events/; test/asyncapi.test.ts fails when it differs from what the registry generates.
// Run: npm run asyncapi -w @mediaflow/contracts
import { writeFileSync } from 'node:fs';
import { asyncApiFileText, ASYNCAPI_FILE } from '../test/fixtures/asyncapi-from-registry';

writeFileSync(ASYNCAPI_FILE, asyncApiFileText());
console.log(`wrote ${ASYNCAPI_FILE}`);
