// watchParent: the runner's way to notice that the process that forked it is gone.
import { EventEmitter } from 'node:events';
import { watchParent } from '../../src/main/runner-parent-watch';

class FakeProcess extends EventEmitter {
  connected = true;
  ppid = 41;
  constructor(readonly send: unknown = () => true) {
    super();
  }
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('watchParent', () => {
  it('reports the parent lost once when the IPC channel closes', async () => {
    const proc = new FakeProcess();
    const lost = jest.fn();
    watchParent(lost, { process: proc, pollMs: 5 });
    proc.connected = false;
    proc.emit('disconnect');
    proc.ppid = 1;
    await settle();
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('reports the parent lost when the runner was adopted by another process', async () => {
    const proc = new FakeProcess();
    const lost = jest.fn();
    watchParent(lost, { process: proc, pollMs: 5 });
    await settle();
    expect(lost).not.toHaveBeenCalled();
    proc.ppid = 1;
    await settle();
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('reports the parent lost at once when the channel was already closed at start', async () => {
    const proc = new FakeProcess();
    proc.connected = false;
    const lost = jest.fn();
    watchParent(lost, { process: proc, pollMs: 5 });
    await settle();
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('watches nothing for a runner without a parent channel, and nothing after stop', async () => {
    const orphanless = new FakeProcess(null);
    const lost = jest.fn();
    watchParent(lost, { process: orphanless, pollMs: 5 });
    orphanless.ppid = 1;
    const proc = new FakeProcess();
    watchParent(lost, { process: proc, pollMs: 5 }).stop();
    proc.ppid = 1;
    proc.emit('disconnect');
    await settle();
    expect(lost).not.toHaveBeenCalled();
  });
});
