// @mediaflow/media-planning/testing: MediaInfo values of a given shape, as the prober reports them,
// for tests that plan (here, in processing) without probing a real file.
export { audioInfo, imageInfo, videoInfo } from './media-info-builders';
