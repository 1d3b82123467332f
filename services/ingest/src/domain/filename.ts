// The client's filename is metadata only (display, download names): never part of a storage key. We
// keep its last path component and refuse what would break headers, logs or the contract.
import { FilenameInvalid } from './upload-errors';

const MAX_FILENAME_LENGTH = 255;

// C0, DEL and C1 controls: NUL truncates, CR/LF forge headers and log lines.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
// Bidi overrides make "exe.mp4" display as "4pm.exe".
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * "../../etc/passwd" → "passwd", "C:\\clips\\a.mp4" → "a.mp4". Control characters are refused rather
 * than stripped: a name carrying them is a bug or an attack, and silently changing it hides both.
 */
export const sanitiseFilename = (raw: string): string => {
  if (CONTROL_CHARS.test(raw) || BIDI_CONTROLS.test(raw)) {
    throw new FilenameInvalid('the filename contains control characters');
  }
  const last = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const name = last.trim();
  if (name === '' || name === '.' || name === '..') {
    throw new FilenameInvalid('the filename has no usable name once its directory parts are removed');
  }
  if (name.length > MAX_FILENAME_LENGTH) {
    throw new FilenameInvalid(`the filename is longer than ${MAX_FILENAME_LENGTH} characters`);
  }
  return name;
};
