import { Readable } from 'node:stream';
import { cappedMemoryStorage } from './uploads';

function store(
  max: number,
  chunks: string[],
): Promise<{ buffer: Buffer; size: number } | undefined> {
  return new Promise((resolve, reject) => {
    cappedMemoryStorage(max)._handleFile(
      {},
      { stream: Readable.from(chunks.map((c) => Buffer.from(c))) },
      (err, info) => (err ? reject(err) : resolve(info)),
    );
  });
}

describe('the upload storage of the web forms', () => {
  it('keeps a file up to the limit whole', async () => {
    await expect(store(8, ['%PDF', '-1.7'])).resolves.toEqual({
      buffer: Buffer.from('%PDF-1.7'),
      size: 8,
    });
  });

  it('reads a larger file to its end but keeps none of it, so its size can be named', async () => {
    const info = await store(8, ['%PDF', '-1.7', ' more']);
    expect(info?.size).toBe(13);
    expect(info?.buffer.length).toBe(0);
  });
});
