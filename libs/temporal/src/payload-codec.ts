import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  METADATA_ENCODING_KEY,
  type Payload,
  type PayloadCodec,
  ValueError,
} from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadKeyRing } from '@jaarcyclus/config';

/** `encoding` of an encrypted payload (as in Temporal's encryption samples). */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Metadata naming the key that encrypted the payload, so that rotated keys still decrypt. */
export const METADATA_ENCRYPTION_KEY_ID = 'encryption-key-id';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const { Payload: PayloadProto } = temporal.api.common.v1;

const utf8 = (bytes: Uint8Array | null | undefined): string | undefined =>
  bytes ? Buffer.from(bytes).toString('utf8') : undefined;

/** A payload this codec encrypted (any key id). */
export function isEncryptedPayload(payload: Payload): boolean {
  return utf8(payload.metadata?.[METADATA_ENCODING_KEY]) === ENCRYPTED_ENCODING;
}

/**
 * Encrypts every payload with AES-256-GCM under the key ring's current key: the whole original
 * payload (its metadata, such as `encoding: json/plain`, and its data) serialised as the
 * Temporal Payload protobuf is the plaintext, with a random 12-byte IV per payload. The
 * encrypted payload's data is IV ‖ ciphertext ‖ 16-byte tag, its metadata only
 * `encoding: binary/encrypted` and `encryption-key-id`.
 *
 * Decoding picks the key by the payload's key id, so payloads written under an earlier key
 * still decrypt after rotation, and passes payloads without the encrypted encoding through
 * unchanged: histories recorded before encryption (the committed replay fixtures, cycles
 * started before the upgrade) still replay and run. A payload that was changed fails GCM's
 * check; a key id missing from the ring fails with a message naming the id (never a key).
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(private readonly keys: PayloadKeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.keys.currentKeyId;
    const key = this.keys.key(keyId)!;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
      const plaintext = PayloadProto.encode(payload).finish();
      const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
          [METADATA_ENCRYPTION_KEY_ID]: Buffer.from(keyId),
        },
        data: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) =>
      isEncryptedPayload(payload) ? this.decrypt(payload) : payload,
    );
  }

  private decrypt(payload: Payload): Payload {
    const keyId = utf8(payload.metadata?.[METADATA_ENCRYPTION_KEY_ID]);
    if (!keyId) {
      throw new ValueError(
        `Encrypted payload without the '${METADATA_ENCRYPTION_KEY_ID}' metadata`,
      );
    }
    const key = this.keys.key(keyId);
    if (!key) {
      throw new ValueError(
        `Payload encrypted with key id '${keyId}', which is not in the key ring (ids: ${this.keys.ids.join(', ')}): ` +
          'add that key to TEMPORAL_PAYLOAD_KEYS (or its file) again',
      );
    }
    const data = Buffer.from(payload.data ?? []);
    if (data.length < IV_BYTES + TAG_BYTES) {
      throw new ValueError(`Encrypted payload (key id '${keyId}') is too short to decrypt`);
    }
    const decipher = createDecipheriv(CIPHER, key, data.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plaintext: Buffer;
    try {
      plaintext = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new ValueError(
        `Encrypted payload (key id '${keyId}') failed authentication: it was changed, or encrypted with another key under that id`,
      );
    }
    return PayloadProto.decode(plaintext);
  }
}
