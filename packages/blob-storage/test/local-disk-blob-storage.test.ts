// LocalDiskBlobStorage on a real temp folder: the shared contract, then what only a disk can get wrong
// (symlinks out of the root, half-written files, the injected URL signer).
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDiskBlobStorage } from '../src/local';
import { isInvalidBlobKey } from '../src';
import { describeBlobStorageContract } from '../src/testing/blob-storage-contract';

const tempRoot = () => mkdtemp(join(tmpdir(), 'blob-local-'));

describeBlobStorageContract('local disk', async () => {
  const root = await tempRoot();
  return {
    storage: new LocalDiskBlobStorage({ root }),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
});

describe('LocalDiskBlobStorage', () => {
  let root: string;
  let outside: string;
  let storage: LocalDiskBlobStorage;

  beforeEach(async () => {
    root = await tempRoot();
    outside = await tempRoot();
    storage = new LocalDiskBlobStorage({ root });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('refuses to read or write through a symlink that leaves the root', async () => {
    await writeFile(join(outside, 'secret'), 'do not read');
    await storage.list(''); // creates the layout
    await symlink(outside, join(root, 'objects', 'escape'));
    const refused = (p: Promise<unknown>) => p.then(() => false, isInvalidBlobKey);
    expect(await refused(storage.getStream('escape/secret'))).toBe(true);
    expect(await refused(storage.head('escape/secret'))).toBe(true);
    expect(await refused(storage.put('escape/new', Buffer.from('x'), { contentType: 'text/plain' }))).toBe(
      true,
    );
    expect(await refused(storage.delete('escape/secret'))).toBe(true);
    expect(await readdir(outside)).toEqual(['secret']);
  });

  it('never shows a half-written file, and leaves no temp file after a failed write', async () => {
    await storage.put('out.bin', Buffer.from('old'), { contentType: 'text/plain' });
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1));
        this.destroy(new Error('source died'));
      },
    });
    await expect(storage.put('out.bin', failing, { contentType: 'text/plain' })).rejects.toThrow(
      'source died',
    );
    const head = await storage.head('out.bin');
    expect(head?.size).toBe(3);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('frees a key once the keys beneath it are deleted', async () => {
    await storage.put('a/b', Buffer.from('1'), { contentType: 'text/plain' });
    await expect(storage.put('a', Buffer.from('2'), { contentType: 'text/plain' })).rejects.toMatchObject({
      code: 'BLOB_KEY_INVALID',
    });
    await storage.delete('a/b');
    await expect(storage.put('a', Buffer.from('2'), { contentType: 'text/plain' })).resolves.toMatchObject({
      size: 1,
    });
  });

  it('presigns through the injected URL signer', async () => {
    const signer = jest.fn(
      (key: string, expiresIn: number) => `http://127.0.0.1:1/blobs/${key}?exp=${expiresIn}`,
    );
    const signed = new LocalDiskBlobStorage({ root, urlSigner: signer });
    expect(await signed.presignGet('x/y.mp4', 300)).toBe('http://127.0.0.1:1/blobs/x/y.mp4?exp=300');
    expect(signer).toHaveBeenCalledWith('x/y.mp4', 300);
  });
});
