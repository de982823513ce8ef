import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The keys that encrypt personal data at rest: structurally @jaarcyclus/config's key ring
 * (`PERSONAL_DATA_KEYS(_FILE)`, `PERSONAL_DATA_KEY_ID`, README "Personal data at rest"), so that
 * this library needs no configuration code of its own.
 */
export interface FieldKeys {
  readonly currentKeyId: string;
  key(id: string): Uint8Array | undefined;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const TOKEN = /^v1\.([A-Za-z0-9._-]{1,40})\.([A-Za-z0-9_-]+)$/;

/** A column value that cannot be read: wrong key, tampered, or moved to another row. */
export class FieldDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldDecryptionError';
  }
}

/**
 * Application-level encryption of sensitive columns: AES-256-GCM, a random 12-byte IV per
 * value, stored as text `v1.<keyId>.<base64url(iv | ciphertext | tag)>`. New values use the
 * current key; any key of the ring still decrypts its own (rotation). The associated data
 * binds a value to its place (table, row id, column): a ciphertext copied into another row or
 * column fails to decrypt instead of showing another child's data there.
 */
export class FieldCipher {
  constructor(private readonly keys: FieldKeys) {
    if (!keys.key(keys.currentKeyId)) {
      throw new Error(`no key for the current key id '${keys.currentKeyId}'`);
    }
  }

  get currentKeyId(): string {
    return this.keys.currentKeyId;
  }

  encrypt(plain: string, place: string): string {
    const id = this.keys.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.key(id)!, iv);
    cipher.setAAD(Buffer.from(`${VERSION}|${id}|${place}`, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
    return `${VERSION}.${id}.${sealed}`;
  }

  decrypt(token: string, place: string): string {
    const match = TOKEN.exec(token);
    if (!match) throw new FieldDecryptionError('not an encrypted value');
    const id = match[1]!;
    const key = this.keys.key(id);
    if (!key) throw new FieldDecryptionError(`no key '${id}' in the personal data key ring`);
    const raw = Buffer.from(match[2]!, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new FieldDecryptionError('value too short');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(`${VERSION}|${id}|${place}`, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new FieldDecryptionError(`value does not decrypt with key '${id}' at ${place}`);
    }
  }

  /** The key id a stored value was encrypted with (for re-encryption after a rotation). */
  static keyIdOf(token: string): string | null {
    return TOKEN.exec(token)?.[1] ?? null;
  }

  /**
   * Encrypts a file (bytea column) with the current key: a header `JCF1 | key id length | key
   * id`, then one sealed segment (`iv | ciphertext | tag`) per FILE_SEGMENT_BYTES of the file.
   * Each segment's associated data names the place, the key id, its index and whether it is
   * the last, so segments cannot be reordered, dropped or moved to another file; a download
   * decrypts segment by segment (decryptFile) without holding the whole file.
   */
  encryptFile(plain: Buffer, place: string): Buffer {
    const id = this.keys.currentKeyId;
    const key = this.keys.key(id)!;
    const parts: Buffer[] = [fileHeader(id)];
    const count = segmentCount(plain.length);
    for (let i = 0; i < count; i++) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(segmentAad(id, place, i, i === count - 1));
      const slice = plain.subarray(i * FILE_SEGMENT_BYTES, (i + 1) * FILE_SEGMENT_BYTES);
      parts.push(iv, cipher.update(slice), cipher.final(), cipher.getAuthTag());
    }
    return Buffer.concat(parts);
  }

  /**
   * Decrypts a file stored by encryptFile, reading it piece by piece through `read(offset,
   * length)` (0-based; null when the file is gone, which ends the stream). `plainBytes` is the
   * file's size in clear; every segment is authenticated before it is yielded.
   */
  async *decryptFile(
    read: (offset: number, length: number) => Promise<Buffer | null>,
    plainBytes: number,
    place: string,
  ): AsyncGenerator<Buffer> {
    const head = await read(0, 5 + 40);
    if (head === null) return;
    if (head.length < 5 || !head.subarray(0, 4).equals(FILE_MAGIC)) {
      throw new FieldDecryptionError('not an encrypted file');
    }
    const idLength = head[4]!;
    const id = head.subarray(5, 5 + idLength).toString('ascii');
    const key = this.keys.key(id);
    if (!key) throw new FieldDecryptionError(`no key '${id}' in the personal data key ring`);
    const count = segmentCount(plainBytes);
    let offset = 5 + idLength;
    for (let i = 0; i < count; i++) {
      const size = Math.min(FILE_SEGMENT_BYTES, plainBytes - i * FILE_SEGMENT_BYTES);
      const raw = await read(offset, IV_BYTES + size + TAG_BYTES);
      if (raw === null) return;
      offset += IV_BYTES + size + TAG_BYTES;
      if (raw.length !== IV_BYTES + size + TAG_BYTES) {
        throw new FieldDecryptionError(`file segment ${i} is truncated at ${place}`);
      }
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(segmentAad(id, place, i, i === count - 1));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      try {
        yield Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
          decipher.final(),
        ]);
      } catch {
        throw new FieldDecryptionError(`file does not decrypt with key '${id}' at ${place}`);
      }
    }
  }

  /** The key id a stored file was encrypted with, or null when it is no encrypted file. */
  static fileKeyIdOf(stored: Buffer): string | null {
    if (stored.length < 5 || !stored.subarray(0, 4).equals(FILE_MAGIC)) return null;
    return stored.subarray(5, 5 + stored[4]!).toString('ascii');
  }
}

/** Plain bytes per sealed segment of an encrypted file (the last one may be shorter). */
export const FILE_SEGMENT_BYTES = 64 * 1024;
const FILE_MAGIC = Buffer.from('JCF1', 'ascii');

function fileHeader(keyId: string): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  return Buffer.concat([FILE_MAGIC, Buffer.from([id.length]), id]);
}

/** An empty file is one empty segment: its tag still proves it is the whole file. */
function segmentCount(plainBytes: number): number {
  return Math.max(1, Math.ceil(plainBytes / FILE_SEGMENT_BYTES));
}

function segmentAad(keyId: string, place: string, index: number, last: boolean): Buffer {
  return Buffer.from(`f1|${keyId}|${place}|${index}|${last ? 'last' : 'more'}`, 'utf8');
}
