// The client's filename is metadata only (display, download names): never part of a storage key. We
// keep its last path component and refuse what would break headers, logs or the contract.
import { FilenameInvalid } from './upload-errors';

export const MAX_FILENAME_LENGTH = 255;

// C0, DEL and C1 controls: NUL truncates, CR/LF forge headers and log lines.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
// Bidi overrides make "exe.mp4" display as "4pm.exe".
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

// The same rules as one pattern, so the HTTP schema (and the OpenAPI document) says exactly what is
// accepted: no control or bidi character anywhere, and a last path component (after "/" or "\") with
// something besides white space (what String.trim removes) that is not "." or ".." once trimmed.
// Explicit classes and no lookaround, so ECMA and Python regexes agree and generators stay fast.
const BANNED = '\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
const SPACE = ' \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const PART = `[^/\\\\${BANNED}]`;
const SOLID = `[^/\\\\${BANNED}${SPACE}]`;
const SOLID_NOT_DOT = `[^/\\\\.${BANNED}${SPACE}]`;
// The trimmed last part: one solid character but ".", or two or more that are not "..".
const CORE = `(?:${SOLID_NOT_DOT}|${SOLID_NOT_DOT}${PART}*${SOLID}|\\.${SOLID_NOT_DOT}|\\.${PART}+${SOLID})`;
export const FILENAME_PATTERN = new RegExp(`^(?:${PART}*[/\\\\])*[${SPACE}]*${CORE}[${SPACE}]*$`, 'u');

/** In code points, as JSON Schema's maxLength counts. */
export const filenameLength = (raw: string): number => [...raw].length;

/**
 * "../../etc/passwd" → "passwd", "C:\\clips\\a.mp4" → "a.mp4". Control characters are refused rather
 * than stripped: a name carrying them is a bug or an attack, and silently changing it hides both.
 */
export const sanitiseFilename = (raw: string): string => {
  if (CONTROL_CHARS.test(raw) || BIDI_CONTROLS.test(raw)) {
    throw new FilenameInvalid('the filename contains control characters');
  }
  if (filenameLength(raw) > MAX_FILENAME_LENGTH) {
    throw new FilenameInvalid(`the filename is longer than ${MAX_FILENAME_LENGTH} characters`);
  }
  if (!FILENAME_PATTERN.test(raw)) {
    throw new FilenameInvalid('the filename has no usable name once its directory parts are removed');
  }
  return (raw.split(/[/\\]/).pop() ?? '').trim().normalize('NFC');
};
