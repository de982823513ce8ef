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
}
