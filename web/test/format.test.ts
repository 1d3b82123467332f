// The display helpers: sizes in binary units, durations as a clock, times relative to now.
import { formatBytes, formatDuration, formatRelative, isTerminal } from '../app/format';

describe('formatBytes', () => {
  it('shows whole bytes below one kilobyte', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1)).toBe('1 B');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('shows one decimal below 100 of a unit and whole numbers from 100', () => {
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(99.94 * 1024)).toBe('99.9 KB');
    expect(formatBytes(100 * 1024)).toBe('100 KB');
    expect(formatBytes(1023 * 1024)).toBe('1023 KB');
  });

  it('climbs to MB, GB and TB, and stays in TB beyond', () => {
    expect(formatBytes(5 * 1024 ** 2)).toBe('5.0 MB');
    expect(formatBytes(2.25 * 1024 ** 3)).toBe('2.3 GB');
    expect(formatBytes(1024 ** 4)).toBe('1.0 TB');
    expect(formatBytes(2048 * 1024 ** 4)).toBe('2048 TB');
  });

  it('shows a dash for a size that is not a number', () => {
    expect(formatBytes(Number.NaN)).toBe('–');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('–');
  });
});

describe('formatDuration', () => {
  it('shows minutes and two-digit seconds under an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(599)).toBe('9:59');
    expect(formatDuration(3599)).toBe('59:59');
  });

  it('adds hours with two-digit minutes from an hour on', () => {
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(36000 + 59 * 60 + 59)).toBe('10:59:59');
  });

  it('keeps tenths of a second and rounds to them', () => {
    expect(formatDuration(1.25)).toBe('0:01.3');
    expect(formatDuration(61.3)).toBe('1:01.3');
    expect(formatDuration(12.04)).toBe('0:12');
    expect(formatDuration(59.96)).toBe('1:00');
    expect(formatDuration(3600.1)).toBe('1:00:00.1');
  });

  it('shows a dash when unknown and zero for a negative value', () => {
    expect(formatDuration(undefined)).toBe('–');
    expect(formatDuration(Number.NaN)).toBe('–');
    expect(formatDuration(-3)).toBe('0:00');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2025-06-01T12:00:00.000Z');
  const ago = (seconds: number): string => new Date(now - seconds * 1000).toISOString();

  it('says "just now" for the last few seconds and for clock skew into the future', () => {
    expect(formatRelative(ago(0), now)).toBe('just now');
    expect(formatRelative(ago(4), now)).toBe('just now');
    expect(formatRelative(ago(-30), now)).toBe('just now');
  });

  it('counts seconds, then minutes, then hours', () => {
    expect(formatRelative(ago(5), now)).toBe('5 s ago');
    expect(formatRelative(ago(59), now)).toBe('59 s ago');
    expect(formatRelative(ago(60), now)).toBe('1 min ago');
    expect(formatRelative(ago(3599), now)).toBe('59 min ago');
    expect(formatRelative(ago(3600), now)).toBe('1 h ago');
    expect(formatRelative(ago(86399), now)).toBe('23 h ago');
  });

  it('shows the date from a day ago on', () => {
    const iso = ago(86400 * 3);
    expect(formatRelative(iso, now)).toBe(new Date(iso).toLocaleDateString());
  });

  it('measures against the current time by default', () => {
    expect(formatRelative(new Date(Date.now() - 120_000).toISOString())).toBe('2 min ago');
  });
});

describe('isTerminal', () => {
  it('knows the statuses a job never leaves', () => {
    expect(['completed', 'failed', 'rejected', 'cancelled'].every(isTerminal)).toBe(true);
    expect(['queued', 'processing', 'uploading'].some(isTerminal)).toBe(false);
  });
});
