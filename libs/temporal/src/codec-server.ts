import type { Payload, PayloadCodec } from '@temporalio/common';

/**
 * The codec server protocol of the Temporal Web UI and CLI: `POST …/encode` and `POST …/decode`
 * with `{ "payloads": [ … ] }`, each payload in protobuf's JSON form (metadata values and data
 * base64), answered in the same form. The HTTP side (route, session, CORS) is the api's; this
 * is the translation, with malformed input refused as a CodecRequestError (HTTP 400).
 */
export interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

export interface JsonPayloads {
  payloads: JsonPayload[];
}

/** The request cannot be encoded or decoded: malformed, or a payload the codec refuses. */
export class CodecRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodecRequestError';
  }
}

/** More than the Web UI sends for one event; a request with more is refused. */
export const MAX_PAYLOADS_PER_REQUEST = 1_000;

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function bytes(value: unknown, where: string): Buffer {
  if (typeof value !== 'string' || !BASE64.test(value)) {
    throw new CodecRequestError(`${where} must be a base64 string`);
  }
  return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ payloads: [...] }` in protobuf JSON to SDK payloads; throws CodecRequestError. */
export function payloadsFromJson(body: unknown): Payload[] {
  if (!isRecord(body) || !Array.isArray(body.payloads)) {
    throw new CodecRequestError('The body must be {"payloads": [...]}');
  }
  if (body.payloads.length > MAX_PAYLOADS_PER_REQUEST) {
    throw new CodecRequestError(`At most ${MAX_PAYLOADS_PER_REQUEST} payloads per request`);
  }
  return body.payloads.map((p: unknown, i): Payload => {
    if (!isRecord(p)) throw new CodecRequestError(`payloads[${i}] must be an object`);
    const metadata: Record<string, Uint8Array> = {};
    if (p.metadata !== undefined && p.metadata !== null) {
      if (!isRecord(p.metadata))
        throw new CodecRequestError(`payloads[${i}].metadata must be an object`);
      for (const [key, value] of Object.entries(p.metadata)) {
        metadata[key] = bytes(value, `payloads[${i}].metadata.${key}`);
      }
    }
    const data =
      p.data === undefined || p.data === null ? undefined : bytes(p.data, `payloads[${i}].data`);
    return { metadata, ...(data ? { data } : {}) };
  });
}

/** SDK payloads to `{ payloads: [...] }` in protobuf JSON. */
export function payloadsToJson(payloads: Payload[]): JsonPayloads {
  return {
    payloads: payloads.map((p) => ({
      metadata: Object.fromEntries(
        Object.entries(p.metadata ?? {}).map(([key, value]) => [
          key,
          Buffer.from(value).toString('base64'),
        ]),
      ),
      ...(p.data && p.data.length > 0 ? { data: Buffer.from(p.data).toString('base64') } : {}),
    })),
  };
}

/** One codec server request: the body in, the answer out; throws CodecRequestError. */
export async function handleCodecRequest(
  codec: PayloadCodec,
  operation: 'encode' | 'decode',
  body: unknown,
): Promise<JsonPayloads> {
  const payloads = payloadsFromJson(body);
  let converted: Payload[];
  try {
    converted =
      operation === 'encode' ? await codec.encode(payloads) : await codec.decode(payloads);
  } catch (err) {
    throw new CodecRequestError(err instanceof Error ? err.message : String(err));
  }
  return payloadsToJson(converted);
}
