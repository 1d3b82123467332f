// The upload's SHA-256 from chunks read out of order, as parallel parts deliver them.
import crypto from 'node:crypto';
import { OrderedDigest } from '../src/file-digest';

const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

describe('OrderedDigest', () => {
  const bytes = crypto.randomBytes(10_000);
  const chunk = (start: number, end: number): [number, Uint8Array] => [start, bytes.subarray(start, end)];

  it('hashes chunks given in any order as the bytes of the file in order', () => {
    const digest = new OrderedDigest(bytes.length);
    for (const [offset, piece] of [chunk(6000, 10_000), chunk(3000, 6000), chunk(0, 1000), chunk(1000, 3000)]) digest.add(offset, piece);
    expect(digest.digest()).toBe(sha256(bytes));
  });

  it('skips bytes given again (a part sent again), whole or overlapping, ahead of the hash or behind it', () => {
    const digest = new OrderedDigest(bytes.length);
    digest.add(...chunk(5000, 10_000));
    digest.add(...chunk(5000, 10_000));
    digest.add(...chunk(0, 4000));
    digest.add(...chunk(0, 2000));
    expect(digest.hashedBytes).toBe(4000);
    digest.add(...chunk(2000, 5000));
    expect(digest.hashedBytes).toBe(10_000);
    expect(digest.digest()).toBe(sha256(bytes));
  });

  it('refuses to give a digest while bytes are missing', () => {
    const digest = new OrderedDigest(bytes.length);
    digest.add(...chunk(0, 4000));
    digest.add(...chunk(5000, 10_000));
    expect(() => digest.digest()).toThrow('only 4000 of 10000 bytes were read for the SHA-256');
  });
});

describe('OrderedDigest.readable', () => {
  it('lets a reader wait until the hash reaches an offset, and not at all once it has', async () => {
    const bytes = crypto.randomBytes(3000);
    const digest = new OrderedDigest(bytes.length);
    expect(digest.readable(0)).toBeUndefined();
    const resumed: number[] = [];
    void digest.readable(2000)?.then(() => resumed.push(2000));
    void digest.readable(1000)?.then(() => resumed.push(1000));
    digest.add(1000, bytes.subarray(1000, 2000));
    await Promise.resolve();
    expect(resumed).toEqual([]);
    digest.add(0, bytes.subarray(0, 1000));
    await new Promise(setImmediate);
    expect(resumed.sort()).toEqual([1000, 2000]);
    expect(digest.readable(1500)).toBeUndefined();
  });
});
