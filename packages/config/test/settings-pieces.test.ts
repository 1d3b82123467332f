// The shared settings pieces check values the same way in every schema, and the table refuses a
// MEDIAFLOW_ variable declared twice.
import { z } from 'zod';
import { commaList, flagSetting, intSetting, loadConfig, secretSetting, settingRows, UrlSigningSettingsSchema } from '../src';

describe('settings pieces', () => {
  it('checks a secret in bytes, not characters', () => {
    const schema = z.object({ S: secretSetting(32, 'a secret') });
    expect(() => loadConfig(schema, { S: 'é'.repeat(16) })).not.toThrow(); // 16 characters, 32 bytes
    expect(() => loadConfig(schema, { S: 'a'.repeat(31) })).toThrow(/S: must be at least 32 bytes/);
  });

  it('accepts only true or false for a flag', () => {
    const schema = z.object({ F: flagSetting('a flag').default(false) });
    expect(loadConfig(schema, {}).F).toBe(false);
    expect(loadConfig(schema, { F: 'true' }).F).toBe(true);
    expect(() => loadConfig(schema, { F: 'yes' })).toThrow(/F/);
  });

  it('reads whole numbers within bounds and comma lists', () => {
    const schema = z.object({ N: intSetting({ min: 1, max: 4, default: 2 }, 'n'), L: commaList({ lowercase: true, nonEmpty: true }) });
    expect(loadConfig(schema, { L: ' A, b ,,' })).toEqual({ N: 2, L: ['a', 'b'] });
    expect(() => loadConfig(schema, { N: '5', L: 'a' })).toThrow(/N/);
    expect(() => loadConfig(schema, { L: ' , ' })).toThrow(/L: must name at least one value/);
  });
});

describe('the settings table', () => {
  it('lists a shared variable once, with every process that reads it', () => {
    const rows = settingRows([
      { readBy: ['a'], schema: z.object({ ...UrlSigningSettingsSchema.shape }) },
      { readBy: ['b'], schema: z.object({ ...UrlSigningSettingsSchema.shape }) },
    ]);
    expect(rows).toEqual([
      expect.objectContaining({ name: 'MEDIAFLOW_URL_SIGNING_PREVIOUS_SECRET', readBy: ['a', 'b'], defaultText: 'unset' }),
      expect.objectContaining({ name: 'MEDIAFLOW_URL_SIGNING_SECRET', readBy: ['a', 'b'], defaultText: 'unset' }),
    ]);
  });

  it('refuses a MEDIAFLOW_ variable declared twice', () => {
    const again = z.object({ MEDIAFLOW_URL_SIGNING_SECRET: secretSetting(32, 'again') });
    expect(() => settingRows([{ readBy: ['a'], schema: UrlSigningSettingsSchema }, { readBy: ['b'], schema: again }])).toThrow(/declared twice/);
  });
});
