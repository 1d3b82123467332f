// Collects the JSON log lines the powertools logger writes (stdout, warn/error on stderr) and keeps
// them out of the test output.
export interface CapturedLogs {
  lines: Record<string, unknown>[];
  restore(): void;
}

export const captureLogs = (): CapturedLogs => {
  const lines: Record<string, unknown>[] = [];
  const collect = (chunk: unknown): boolean => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim().startsWith('{')) continue;
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(collect);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(collect);
  return {
    lines,
    restore: () => {
      out.mockRestore();
      err.mockRestore();
    },
  };
};
