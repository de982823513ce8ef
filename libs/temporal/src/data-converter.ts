import path from 'node:path';
import type { DataConverter } from '@temporalio/common';
import type { PayloadKeyRing } from '@jaarcyclus/config';
import { AesGcmPayloadCodec } from './payload-codec';

/**
 * The module exporting `failureConverter` (failure-converter.ts), without extension: Node
 * resolves the compiled .js in dist/, jest and webpack the .ts source.
 */
export const FAILURE_CONVERTER_PATH = path.join(__dirname, 'failure-converter');

/**
 * The data converter of every Temporal Client and Worker of Jaarcyclus (api, worker, tests):
 * payloads encrypted with the key ring (AesGcmPayloadCodec), failure messages and stack traces
 * encoded into payloads first (failure-converter.ts) so that they are encrypted too. The
 * workflow bundle carries the same failure converter (bundleWorkflows).
 */
export function dataConverter(keys: PayloadKeyRing): DataConverter {
  return {
    payloadCodecs: [new AesGcmPayloadCodec(keys)],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}
