// `npm run secrets:rotate [-- --finish]`: rotates the generated secrets of the embedded deployment in
// <data>/secrets.json. New secrets sign from the next start; the current ones stay accepted beside
// them, so tokens and signed links handed out before keep working until they expire. `--finish`
// (once they have) drops the previous ones. Secrets set in the environment are rotated there instead.
import { createLogger } from '@mediaflow/logging';
import { loadEmbeddedSettings, rotateEmbeddedSecrets } from './embedded-config';

const logger = createLogger('embedded');
const settings = loadEmbeddedSettings(process.env);
const finish = process.argv.includes('--finish');
const fromEnvironment = [
  settings.jwtSecret !== undefined && 'MEDIAFLOW_JWT_SECRET',
  settings.urlSigningSecret !== undefined && 'MEDIAFLOW_URL_SIGNING_SECRET',
].filter(Boolean);
rotateEmbeddedSecrets(settings.infrastructure.dataDir, finish ? 'finish' : 'rotate');
logger.info(finish ? 'previous secrets dropped' : 'secrets rotated: restart to sign with the new ones', {
  dataDir: settings.infrastructure.dataDir,
  ...(fromEnvironment.length > 0 && {
    note: `${fromEnvironment.join(' and ')} set in the environment win over the file: rotate them there (with the *_PREVIOUS_SECRET settings)`,
  }),
});
