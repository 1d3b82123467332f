import { MediaInfoSchema, RenditionPlanSchema } from '@mediaflow/contracts';
import {
  expectedRungsOf,
  IncompleteMediaInfo,
  type MediaInfo,
  mediaInfoFromContract,
  mediaInfoToContract,
  planOutputs,
  profileByName,
  profileNames,
  rungNamesOf,
  toRenditionPlan,
} from '../src';
import { audioInfo, imageInfo, videoInfo } from '../src/testing';

const sized = (info: MediaInfo): MediaInfo => ({ ...info, sizeBytes: 123_456 });
const rotated = (info: MediaInfo): MediaInfo => {
  const v = info.video!;
  return { ...info, video: { ...v, rotation: 90, width: v.height, height: v.width } };
};

const samples: [string, MediaInfo][] = [
  ['a 1080p video with sound', sized(videoInfo({ width: 1920, height: 1080, seconds: 12, audio: true }))],
  ['a silent 720p 60 fps video', sized(videoInfo({ width: 1280, height: 720, seconds: 3, fps: 60 }))],
  [
    'a phone portrait clip stored rotated',
    sized(rotated(videoInfo({ width: 1080, height: 1920, seconds: 5, fps: 30 }))),
  ],
  ['a tiny video below every rung', sized(videoInfo({ width: 200, height: 120, seconds: 2 }))],
  ['an audio file', sized(audioInfo(30))],
  ['a PNG', sized(imageInfo('png', 1600, 900))],
  ['a JPEG with EXIF orientation 6', sized(imageInfo('mjpeg', 4000, 3000, 6))],
];

describe('MediaInfo between processing and the contract', () => {
  it.each(samples)('gives %s in a shape MediaProbed accepts', (_, info) => {
    expect(() => MediaInfoSchema.parse(mediaInfoToContract(info))).not.toThrow();
  });

  it.each(samples)('plans %s the same from either side, for every profile', (_, info) => {
    const received = mediaInfoFromContract(MediaInfoSchema.parse(mediaInfoToContract(info)));
    for (const name of profileNames()) {
      const profile = profileByName(name);
      expect(planOutputs(received, profile)).toEqual(planOutputs(info, profile));
    }
  });

  it('restores the display size from the rotation the contract keeps', () => {
    const info = sized(rotated(videoInfo({ width: 1080, height: 1920, seconds: 5 })));
    const back = mediaInfoFromContract(mediaInfoToContract(info));
    expect(back.video).toMatchObject({ width: 1920, height: 1080, displayWidth: 1080, displayHeight: 1920 });
  });

  it('says an unknown frame rate the way the planner reads it: 25 fps, resampled', () => {
    const info = sized(videoInfo({ width: 640, height: 360, seconds: 4, fps: 0 }));
    const contract = mediaInfoToContract(info);
    expect(contract.kind === 'video' && contract.video).toMatchObject({
      frameRate: 25,
      variableFrameRate: true,
    });
    const profile = profileByName('default');
    expect(planOutputs(mediaInfoFromContract(contract), profile)).toEqual(planOutputs(info, profile));
  });

  it('leaves an unknown duration out instead of reporting 0 s', () => {
    const contract = mediaInfoToContract(sized(audioInfo(0)));
    expect(contract).not.toHaveProperty('durationSeconds');
    expect(mediaInfoFromContract(contract).durationSeconds).toBe(0);
  });

  it('refuses a probe without a size, which the contract requires', () => {
    expect(() => mediaInfoToContract(audioInfo(3))).toThrow(IncompleteMediaInfo);
  });
});

describe('a plan as the contract RenditionPlan', () => {
  it.each(samples)('turns the plan of %s into a valid RenditionPlan, for every profile', (_, info) => {
    for (const name of profileNames()) {
      const plan = planOutputs(info, profileByName(name));
      const rendition = RenditionPlanSchema.parse(toRenditionPlan(plan, 'owner_1/job_abc'));
      expect(rendition.outputPrefix).toBe('owner_1/job_abc');
      expect(expectedRungsOf(rendition)).toEqual(rungNamesOf(plan));
    }
  });

  it('lists the ladder top first with the master, the download, poster and storyboard', () => {
    const plan = planOutputs(
      sized(videoInfo({ width: 1280, height: 720, seconds: 10, audio: true })),
      profileByName('default'),
    );
    const kinds = toRenditionPlan(plan, 'o/j').outputs.map((o) =>
      'name' in o ? `${o.kind}:${o.name}` : o.kind,
    );
    expect(kinds).toEqual([
      'hls-master',
      'hls-rendition:720p',
      'hls-rendition:480p',
      'hls-rendition:360p',
      'audio-hls:audio',
      'mp4:720p',
      'poster',
      'storyboard',
      'storyboard-vtt',
    ]);
  });

  it('asks no video rung of audio or images', () => {
    const plan = planOutputs(sized(audioInfo(10)), profileByName('default'));
    expect(expectedRungsOf(toRenditionPlan(plan, 'o/j'))).toEqual([]);
  });
});
