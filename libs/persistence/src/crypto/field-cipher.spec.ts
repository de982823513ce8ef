import { randomBytes } from 'node:crypto';
import {
  FILE_SEGMENT_BYTES,
  FieldCipher,
  FieldDecryptionError,
  type FieldKeys,
} from './field-cipher';

function ring(keys: Record<string, Buffer>, current: string): FieldKeys {
  return { currentKeyId: current, key: (id) => keys[id] };
}

/** Reads a stored file the way the repository does: by offset and length. */
const reader =
  (stored: Buffer) =>
  (offset: number, length: number): Promise<Buffer | null> =>
    Promise.resolve(stored.subarray(offset, offset + length));

async function decrypt(
  cipher: FieldCipher,
  stored: Buffer,
  size: number,
  place: string,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of cipher.decryptFile(reader(stored), size, place)) parts.push(part);
  return Buffer.concat(parts);
}

/** Handover documents encrypted at rest: segment by segment, bound to their place. */
describe('FieldCipher files', () => {
  const K1 = randomBytes(32);
  const K2 = randomBytes(32);
  const cipher = new FieldCipher(ring({ k1: K1 }, 'k1'));
  const place = 'transition_document:a:content';
  const canary = Buffer.from('OPP van Kanarie Vogelzang, geboren 2012-04-17');
  // Three segments and a bit, the canary in the middle of a segment boundary.
  const file = Buffer.concat([
    randomBytes(FILE_SEGMENT_BYTES - 10),
    canary,
    randomBytes(2 * FILE_SEGMENT_BYTES + 7),
  ]);

  it('round trips a file of several segments, an empty file and a small one', async () => {
    for (const plain of [file, Buffer.alloc(0), Buffer.from('%PDF-1.4\n%%EOF\n')]) {
      const stored = cipher.encryptFile(plain, place);
      expect((await decrypt(cipher, stored, plain.length, place)).equals(plain)).toBe(true);
    }
  });

  it('stores no clear text: the canary is nowhere in the stored bytes', () => {
    const stored = cipher.encryptFile(file, place);
    expect(stored.includes(canary)).toBe(false);
    expect(stored.includes(Buffer.from('Kanarie'))).toBe(false);
    expect(FieldCipher.fileKeyIdOf(stored)).toBe('k1');
    expect(FieldCipher.fileKeyIdOf(file)).toBeNull();
  });

  it('refuses a file moved to another place, a tampered, truncated or reordered one', async () => {
    const stored = cipher.encryptFile(file, place);
    await expect(
      decrypt(cipher, stored, file.length, 'transition_document:b:content'),
    ).rejects.toThrow(FieldDecryptionError);

    const tampered = Buffer.from(stored);
    tampered[tampered.length - 100]! ^= 1;
    await expect(decrypt(cipher, tampered, file.length, place)).rejects.toThrow(
      FieldDecryptionError,
    );

    // Cut after the first segment and claim it is the whole file: the "last" flag refuses.
    await expect(decrypt(cipher, stored, FILE_SEGMENT_BYTES, place)).rejects.toThrow(
      FieldDecryptionError,
    );
    await expect(
      decrypt(cipher, stored.subarray(0, stored.length - 5), file.length, place),
    ).rejects.toThrow(FieldDecryptionError);

    // Swap the first two segments.
    const head = 5 + 2;
    const seg = 12 + FILE_SEGMENT_BYTES + 16;
    const swapped = Buffer.concat([
      stored.subarray(0, head),
      stored.subarray(head + seg, head + 2 * seg),
      stored.subarray(head, head + seg),
      stored.subarray(head + 2 * seg),
    ]);
    await expect(decrypt(cipher, swapped, file.length, place)).rejects.toThrow(
      FieldDecryptionError,
    );
    await expect(decrypt(cipher, file, file.length, place)).rejects.toThrow(
      /not an encrypted file/,
    );
  });

  it('key rotation: a file keeps its key; new files use the new one; the old key is needed', async () => {
    const old = cipher.encryptFile(file, place);
    const rotated = new FieldCipher(ring({ k1: K1, k2: K2 }, 'k2'));
    const fresh = rotated.encryptFile(file, place);
    expect(FieldCipher.fileKeyIdOf(old)).toBe('k1');
    expect(FieldCipher.fileKeyIdOf(fresh)).toBe('k2');
    expect((await decrypt(rotated, old, file.length, place)).equals(file)).toBe(true);
    expect((await decrypt(rotated, fresh, file.length, place)).equals(file)).toBe(true);
    const newOnly = new FieldCipher(ring({ k2: K2 }, 'k2'));
    await expect(decrypt(newOnly, old, file.length, place)).rejects.toThrow(/no key 'k1'/);
  });
});
