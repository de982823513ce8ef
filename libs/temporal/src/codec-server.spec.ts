import { defaultPayloadConverter } from '@temporalio/common';
import { PayloadKeyRing } from '@jaarcyclus/config';
import {
  CodecRequestError,
  MAX_PAYLOADS_PER_REQUEST,
  handleCodecRequest,
  payloadsFromJson,
  payloadsToJson,
} from './codec-server';
import { AesGcmPayloadCodec } from './payload-codec';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('codec server protocol', () => {
  const codec = new AesGcmPayloadCodec(PayloadKeyRing.generate('k1'));

  it('encodes and decodes payloads in protobuf JSON form, as the Web UI sends them', async () => {
    const plain = payloadsToJson([defaultPayloadConverter.toPayload({ name: 'Jolanda Dekker' })]);
    expect(plain).toEqual({
      payloads: [
        { metadata: { encoding: b64('json/plain') }, data: b64('{"name":"Jolanda Dekker"}') },
      ],
    });
    const encoded = await handleCodecRequest(codec, 'encode', plain);
    expect(encoded.payloads[0]!.metadata).toEqual({
      encoding: b64('binary/encrypted'),
      'encryption-key-id': b64('k1'),
    });
    expect(Buffer.from(encoded.payloads[0]!.data!, 'base64').toString('latin1')).not.toContain(
      'Dekker',
    );
    expect(await handleCodecRequest(codec, 'decode', encoded)).toEqual(plain);
    // Payloads that were never encrypted come back as they were.
    expect(await handleCodecRequest(codec, 'decode', plain)).toEqual(plain);
  });

  it('keeps payloads without data', () => {
    const undefinedValue = defaultPayloadConverter.toPayload(undefined);
    expect(payloadsToJson([undefinedValue])).toEqual({
      payloads: [{ metadata: { encoding: b64('binary/null') } }],
    });
    expect(
      payloadsFromJson({ payloads: [{ metadata: { encoding: b64('binary/null') } }] }),
    ).toEqual([{ metadata: { encoding: Buffer.from('binary/null') } }]);
  });

  it.each([
    [null, 'The body must be {"payloads": [...]}'],
    [{ payload: [] }, 'The body must be {"payloads": [...]}'],
    [{ payloads: ['x'] }, 'payloads[0] must be an object'],
    [{ payloads: [{ metadata: [] }] }, 'payloads[0].metadata must be an object'],
    [
      { payloads: [{ metadata: { encoding: 'json plain' } }] },
      'payloads[0].metadata.encoding must be a base64 string',
    ],
    [{ payloads: [{ data: 12 }] }, 'payloads[0].data must be a base64 string'],
    [
      { payloads: Array(MAX_PAYLOADS_PER_REQUEST + 1).fill({}) },
      `At most ${MAX_PAYLOADS_PER_REQUEST} payloads per request`,
    ],
  ])('refuses %j', (body, message) => {
    expect(() => payloadsFromJson(body)).toThrow(new CodecRequestError(message));
  });

  it('refuses a payload the codec cannot decrypt, with the codec reason', async () => {
    const foreign = await handleCodecRequest(
      new AesGcmPayloadCodec(PayloadKeyRing.generate('k0')),
      'encode',
      {
        payloads: [{ metadata: { encoding: b64('json/plain') }, data: b64('1') }],
      },
    );
    await expect(handleCodecRequest(codec, 'decode', foreign)).rejects.toThrow(
      new CodecRequestError(
        "Payload encrypted with key id 'k0', which is not in the key ring (ids: k1): add that key to TEMPORAL_PAYLOAD_KEYS (or its file) again",
      ),
    );
  });
});
