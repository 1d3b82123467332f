// The uploader's pure parts: the content type guessed for a file, and the multipart uploads kept in
// localStorage so a reload can resume them. localStorage is a small in-memory Storage here.
import { contentTypeOf, findPending, forgetPending, pendingUploads, type PendingUpload } from '../app/uploader';

const KEY = 'mediaflow.pendingUploads';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true, writable: true });
});
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

const fileOf = (name: string, options: { type?: string; bytes?: number; lastModified?: number } = {}): File =>
  new File([new Uint8Array(options.bytes ?? 3)], name, { type: options.type ?? '', lastModified: options.lastModified ?? 1_700_000_000_000 });

const pending = (over: Partial<PendingUpload> = {}): PendingUpload => ({
  uploadId: 'up_1',
  name: 'clip.mp4',
  size: 3,
  lastModified: 1_700_000_000_000,
  profile: 'standard',
  partSize: 5 * 1024 * 1024,
  etags: { '1': '"etag-1"' },
  savedAt: '2025-06-01T12:00:00.000Z',
  ...over,
});

describe('contentTypeOf', () => {
  it("keeps the type the browser gives", () => {
    expect(contentTypeOf(fileOf('clip.bin', { type: 'video/mp4' }))).toBe('video/mp4');
  });

  it('guesses from the extension, whatever its case, when the browser gives none', () => {
    expect(contentTypeOf(fileOf('clip.mp4'))).toBe('video/mp4');
    expect(contentTypeOf(fileOf('Holiday.MOV'))).toBe('video/quicktime');
    expect(contentTypeOf(fileOf('a.b.mkv'))).toBe('video/x-matroska');
    expect(contentTypeOf(fileOf('song.flac'))).toBe('audio/flac');
    expect(contentTypeOf(fileOf('photo.JPEG'))).toBe('image/jpeg');
  });

  it('falls back to application/octet-stream for unknown or missing extensions', () => {
    expect(contentTypeOf(fileOf('archive.tar.gz'))).toBe('application/octet-stream');
    expect(contentTypeOf(fileOf('README'))).toBe('application/octet-stream');
    expect(contentTypeOf(fileOf('clip.'))).toBe('application/octet-stream');
  });
});

describe('pendingUploads', () => {
  it('is empty when nothing was saved', () => {
    expect(pendingUploads()).toEqual([]);
  });

  it('reads back the saved list', () => {
    const saved = [pending(), pending({ uploadId: 'up_2', name: 'other.mov' })];
    storage.setItem(KEY, JSON.stringify(saved));
    expect(pendingUploads()).toEqual(saved);
  });

  it('is empty when the stored value is not a JSON list', () => {
    for (const value of ['{not json', 'null', '{"uploadId":"up_1"}', '42']) {
      storage.setItem(KEY, value);
      expect(pendingUploads()).toEqual([]);
    }
  });
});

describe('findPending', () => {
  beforeEach(() => storage.setItem(KEY, JSON.stringify([pending(), pending({ uploadId: 'up_2', name: 'big.mov', size: 10 })])));

  it('finds the upload of the same file: same name, size and modification time', () => {
    expect(findPending(fileOf('clip.mp4'))?.uploadId).toBe('up_1');
    expect(findPending(fileOf('big.mov', { bytes: 10 }))?.uploadId).toBe('up_2');
  });

  it('does not resume a file that changed or is another file', () => {
    expect(findPending(fileOf('clip.mp4', { lastModified: 1_700_000_000_001 }))).toBeUndefined();
    expect(findPending(fileOf('clip.mp4', { bytes: 4 }))).toBeUndefined();
    expect(findPending(fileOf('Clip.mp4'))).toBeUndefined();
  });

  it('finds nothing once the upload is forgotten, and leaves the others', () => {
    forgetPending('up_1');
    expect(findPending(fileOf('clip.mp4'))).toBeUndefined();
    expect(pendingUploads().map((p) => p.uploadId)).toEqual(['up_2']);
  });

  it('finds nothing, rather than throwing, when the stored value is not a list', () => {
    storage.setItem(KEY, '{"uploadId":"up_1"}');
    expect(findPending(fileOf('clip.mp4'))).toBeUndefined();
  });
});
