// The zod pieces every settings schema is built from, so a secret, a URL, a duration or a size is
// checked the same way whichever service reads it. Each piece takes the row text of the README's
// settings table (`describe`), so a variable is documented where it is declared.
import { z } from 'zod';

/** The README table shows this instead of a default computed on the machine (e.g. the core count). */
export interface SettingMeta {
  readonly description: string;
  readonly defaultText?: string;
}

const documented = <S extends z.ZodType>(schema: S, meta: SettingMeta | string): S =>
  schema.meta(typeof meta === 'string' ? { description: meta } : { ...meta }) as S;

/** A secret of at least `minBytes` bytes (UTF-8): bytes, since that is what HMAC keys are made of. */
export const secretSetting = (minBytes: number, meta: SettingMeta | string) =>
  documented(
    z.string().refine((s) => Buffer.byteLength(s, 'utf8') >= minBytes, `must be at least ${minBytes} bytes`),
    meta,
  ).optional();

export const urlSetting = (meta: SettingMeta | string) => documented(z.url(), meta).optional();

/** A whole number within [min, max] with a default: counts, limits, milliseconds. */
export const intSetting = (range: { min: number; max?: number; default: number | (() => number) }, meta: SettingMeta | string) => {
  const schema = documented(z.coerce.number().int().min(range.min).max(range.max ?? Number.MAX_SAFE_INTEGER), meta);
  const fallback = range.default;
  return typeof fallback === 'function' ? schema.default(fallback) : schema.default(fallback);
};

/** Seconds as a number (fractions allowed only when `min` is below 1). */
export const secondsSetting = (range: { min: number; max: number; default: number }, meta: SettingMeta | string) => {
  const base = z.coerce.number().min(range.min).max(range.max);
  return documented(range.min < 1 ? base : base.int(), meta).default(range.default);
};

/** A size in bytes. */
export const byteSizeSetting = (range: { min: number; max?: number; default: number }, meta: SettingMeta | string) =>
  intSetting(range, meta);

/** `true` or `false`, nothing else (a typo stops start-up instead of meaning false). */
export const flagSetting = (meta: SettingMeta | string) =>
  documented(z.enum(['true', 'false']), meta).transform((v) => v === 'true');

/** Comma-separated values, trimmed, empty items dropped; at least one when `nonEmpty`. */
export const commaList = (options: { lowercase?: boolean; nonEmpty?: boolean } = {}) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((p) => (options.lowercase ? p.trim().toLowerCase() : p.trim()))
        .filter(Boolean),
    )
    .refine((l) => !options.nonEmpty || l.length > 0, 'must name at least one value');

/** A comma-separated list whose items `item` checks (numbers, enum members). */
export const commaListOf = <T extends z.ZodType>(item: T) =>
  z.string().transform((text, ctx) => {
    const parsed = z.array(item).min(1).safeParse(text.split(',').map((s) => s.trim()).filter(Boolean));
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `expected a comma-separated list: ${parsed.error.message}` });
      return z.NEVER;
    }
    return parsed.data;
  });

/** Attach the README row text to any schema (`z.enum([...])`, a custom list). */
export const setting = <S extends z.ZodType>(schema: S, meta: SettingMeta | string): S => documented(schema, meta);
