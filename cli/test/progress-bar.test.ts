// The progress display: redrawn in place on a terminal, one line per step in a log.
import { ProgressBar, renderBar } from '../src/progress-bar';

const sink = (isTTY: boolean) => {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 100, write: (text: string) => writes.push(text) } };
};

describe('ProgressBar', () => {
  it('prints one line per 10% step and per status change when stderr is not a terminal', () => {
    const { writes, stream } = sink(false);
    const bar = new ProgressBar(stream);
    for (let percent = 0; percent <= 100; percent += 2.5) bar.update({ label: 'transcoding', percent });
    bar.update({ label: 'completed' });
    bar.finish();
    expect(writes).toHaveLength(12);
    expect(writes[0]).toBe('transcoding    0%\n');
    expect(writes[5]).toBe('transcoding   50%\n');
    expect(writes.at(-1)).toBe('completed\n');
    expect(writes.join('')).not.toContain('\r');
  });

  it('redraws one line with \\r on a terminal and ends it on finish', () => {
    const { writes, stream } = sink(true);
    const bar = new ProgressBar(stream);
    bar.update({ label: 'uploading', percent: 50, detail: '1.0 MB / 2.0 MB  3.0 MB/s' });
    bar.update({ label: 'uploading', percent: 60 }); // within 100 ms: not drawn
    bar.finish();
    expect(writes).toEqual([
      `\ruploading    ${renderBar(50)}  50%  1.0 MB / 2.0 MB  3.0 MB/s\x1b[K`,
      `\ruploading    ${renderBar(60)}  60%\x1b[K`,
      '\n',
    ]);
  });

  it('fills the bar in proportion', () => {
    expect(renderBar(50, 10)).toBe('[#####.....]');
    expect(renderBar(140, 4)).toBe('[####]');
  });
});
