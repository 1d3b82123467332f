import { classifyRunnerFailure, meaningOfExit, RunnerExit } from '../../src/application/runner-exit';
import { MediaUnsupported, TranscodeCancelled, TranscodeFailed, TranscodeTimedOut } from '../../src/domain/media-errors';

describe('runner exit codes', () => {
  it.each([
    ['a corrupt input', new MediaUnsupported('CORRUPT_MEDIA', 'cut short'), RunnerExit.PermanentFailure, false],
    ['an input ffmpeg cannot decode', new TranscodeFailed('bad data', false, []), RunnerExit.PermanentFailure, false],
    ['ffmpeg killed for resources', new TranscodeFailed('killed', true, []), RunnerExit.RetryableFailure, true],
    ['the wall-clock limit', new TranscodeTimedOut(1000), RunnerExit.RetryableFailure, true],
    ['a cancellation', new TranscodeCancelled(), RunnerExit.Cancelled, false],
    ['a full disk', Object.assign(new Error('no space'), { code: 'ENOSPC' }), RunnerExit.RetryableFailure, true],
    ['an unexpected bug', new TypeError('x is undefined'), RunnerExit.Crashed, true],
  ])('%s ends with the right code and retry flag', (_what, error, exitCode, retryable) => {
    expect(classifyRunnerFailure(error)).toMatchObject({ exitCode, retryable });
  });

  it('tells the dispatcher what each ending means', () => {
    expect(meaningOfExit(0, null)).toEqual({ outcome: 'succeeded', retryable: false });
    expect(meaningOfExit(130, null)).toEqual({ outcome: 'cancelled', retryable: false });
    expect(meaningOfExit(3, null)).toEqual({ outcome: 'failed', retryable: false });
    expect(meaningOfExit(2, null)).toEqual({ outcome: 'failed', retryable: false });
    expect(meaningOfExit(75, null)).toEqual({ outcome: 'failed', retryable: true });
    expect(meaningOfExit(null, 'SIGKILL')).toEqual({ outcome: 'failed', retryable: true });
  });
});
