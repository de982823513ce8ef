import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { PayloadKeyRing } from '@jaarcyclus/config';
import {
  AesGcmPayloadCodec,
  ENCRYPTED_ENCODING,
  METADATA_ENCRYPTION_KEY_ID,
  isEncryptedPayload,
} from './payload-codec';

const text = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? []).toString();
const toPayload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const fromPayload = (payload: Payload): unknown => defaultPayloadConverter.fromPayload(payload);

/** What a member's vote looks like on its way into a workflow: names, comments, amounts. */
const VOTE = {
  personId: 'p-1',
  name: 'Femke de Boer',
  comment: 'Akkoord, mits de reserve van Lyceum Oosterpoort terugloopt',
  amountCents: 4_010_000,
};

describe('AesGcmPayloadCodec', () => {
  const ring = PayloadKeyRing.generate('2026-01');
  const codec = new AesGcmPayloadCodec(ring);

  it('encrypts a payload, metadata and data, and decrypts it back to the same value', async () => {
    const original = toPayload(VOTE);
    const [encrypted] = await codec.encode([original]);
    expect(Object.keys(encrypted!.metadata!).sort()).toEqual([
      'encoding',
      METADATA_ENCRYPTION_KEY_ID,
    ]);
    expect(text(encrypted!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encrypted!.metadata![METADATA_ENCRYPTION_KEY_ID])).toBe('2026-01');
    expect(isEncryptedPayload(encrypted!)).toBe(true);
    // Neither the data nor its original encoding is readable.
    const raw = Buffer.from(encrypted!.data!).toString('latin1');
    for (const clear of ['Femke', 'Oosterpoort', '4010000', 'json/plain']) {
      expect(raw).not.toContain(clear);
    }

    const [decrypted] = await codec.decode([encrypted!]);
    expect(text(decrypted!.metadata!.encoding)).toBe('json/plain');
    expect(fromPayload(decrypted!)).toEqual(VOTE);
  });

  it('uses a fresh IV for every payload: the same value never encrypts the same way twice', async () => {
    const [a, b] = await codec.encode([toPayload(VOTE), toPayload(VOTE)]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
    expect(
      Buffer.from(a!.data!).subarray(0, 12).equals(Buffer.from(b!.data!).subarray(0, 12)),
    ).toBe(false);
  });

  it('keeps payloads without data (undefined) and binary ones', async () => {
    const payloads = [toPayload(undefined), toPayload(new Uint8Array([0, 1, 2, 255]))];
    const decoded = await codec.decode(await codec.encode(payloads));
    expect(decoded.map(fromPayload)).toEqual([undefined, new Uint8Array([0, 1, 2, 255])]);
  });

  it('refuses a payload whose ciphertext, IV or tag was changed', async () => {
    const [encrypted] = await codec.encode([toPayload(VOTE)]);
    const data = Buffer.from(encrypted!.data!);
    for (const at of [0, 12, Math.floor(data.length / 2), data.length - 1]) {
      const tampered = Buffer.from(data);
      tampered[at] = tampered[at]! ^ 0x01;
      await expect(codec.decode([{ ...encrypted!, data: tampered }])).rejects.toThrow(
        "Encrypted payload (key id '2026-01') failed authentication",
      );
    }
    await expect(codec.decode([{ ...encrypted!, data: data.subarray(0, 20) }])).rejects.toThrow(
      'too short',
    );
  });

  it('refuses a payload of a key id it does not hold, naming the id and never a key', async () => {
    const other = PayloadKeyRing.generate('2024-07');
    const [foreign] = await new AesGcmPayloadCodec(other).encode([toPayload(VOTE)]);
    const error = await codec.decode([foreign!]).then(
      () => null,
      (err: Error) => err,
    );
    expect(error?.message).toMatch(
      /^Payload encrypted with key id '2024-07', which is not in the key ring \(ids: 2026-01\)/,
    );
    for (const secret of [other.key('2024-07')!, ring.key('2026-01')!]) {
      expect(error?.message).not.toContain(secret.toString('base64'));
      expect(error?.message).not.toContain(secret.toString('hex'));
    }
    await expect(
      codec.decode([
        { metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING) }, data: foreign!.data! },
      ]),
    ).rejects.toThrow(`without the '${METADATA_ENCRYPTION_KEY_ID}' metadata`);
  });

  it('rotates: new payloads use the new key id, payloads of the old key still decrypt', async () => {
    const before = PayloadKeyRing.of([['2025-01', randomBytes(32)]], '2025-01');
    const [old] = await new AesGcmPayloadCodec(before).encode([toPayload(VOTE)]);

    // A new key added, the current id switched; the old key stays to decrypt.
    const after = before.merge(PayloadKeyRing.generate('2026-01'), '2026-01');
    const rotated = new AesGcmPayloadCodec(after);
    const [fresh] = await rotated.encode([toPayload(VOTE)]);
    expect(text(fresh!.metadata![METADATA_ENCRYPTION_KEY_ID])).toBe('2026-01');
    expect(text(old!.metadata![METADATA_ENCRYPTION_KEY_ID])).toBe('2025-01');
    expect((await rotated.decode([old!, fresh!])).map(fromPayload)).toEqual([VOTE, VOTE]);

    // Switching back (a rollback of the deploy) keeps reading both as well.
    const [back] = await new AesGcmPayloadCodec(after.withCurrent('2025-01')).encode([
      toPayload(1),
    ]);
    expect(text(back!.metadata![METADATA_ENCRYPTION_KEY_ID])).toBe('2025-01');

    // The old key dropped too early: its payloads fail, by id.
    const dropped = new AesGcmPayloadCodec(
      PayloadKeyRing.of([['2026-01', after.key('2026-01')!]], '2026-01'),
    );
    await expect(dropped.decode([old!])).rejects.toThrow("key id '2025-01'");
  });

  it('passes payloads that are not encrypted through unchanged (histories from before)', async () => {
    const plain = [toPayload(VOTE), toPayload(null), toPayload('Stadsring College')];
    const decoded = await codec.decode(plain);
    expect(decoded).toEqual(plain);
    expect(decoded[0]).toBe(plain[0]);
    expect(plain.some(isEncryptedPayload)).toBe(false);
  });
});
