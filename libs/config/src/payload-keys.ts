/**
 * The keys that encrypt workflow data in Temporal (libs/temporal's AesGcmPayloadCodec), read
 * from configuration at start-up by the api and the worker:
 *
 * - `TEMPORAL_PAYLOAD_KEYS`: `id:base64key` entries separated by commas or new lines, each key
 *   32 random bytes (AES-256), e.g. `2026-01:$(openssl rand -base64 32)`;
 * - or `TEMPORAL_PAYLOAD_KEYS_FILE`: a file with the same entries (one a line; `#` comments),
 *   e.g. a Docker or Kubernetes secret that a KMS or secret manager fills;
 * - `TEMPORAL_PAYLOAD_KEY_ID`: the id of the key that encrypts new payloads. The other keys
 *   only decrypt: rotation adds a key, switches this id, and drops the old key only when no
 *   history within retention still uses it.
 *
 * Messages name variables, files and key ids, never key material.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inspect } from 'node:util';
import { ConfigError } from './config-error';

export const PAYLOAD_KEY_BYTES = 32;
/**
 * A key id: short, and safe in payload metadata and log lines. At most 40 characters, so that
 * key material (43 or more in base64) put where an id belongs is refused, and never echoed.
 */
export const PAYLOAD_KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;
const ID_RULE = "key ids are 1 to 40 letters, digits, '.', '_' or '-'";

const KEYS = 'TEMPORAL_PAYLOAD_KEYS';
const KEYS_FILE = 'TEMPORAL_PAYLOAD_KEYS_FILE';
const KEY_ID = 'TEMPORAL_PAYLOAD_KEY_ID';

/** The variables a key ring is read from. */
export interface KeyRingVariables {
  keys: string;
  keysFile: string;
  keyId: string;
}

/** The keys of workflow data in Temporal. */
export const PAYLOAD_KEY_VARIABLES: KeyRingVariables = Object.freeze({
  keys: KEYS,
  keysFile: KEYS_FILE,
  keyId: KEY_ID,
});

/**
 * The keys of personal data at rest (pupils in schakeltrajecten, libs/persistence FieldCipher):
 * a ring of its own, in the same form, so that a leaked workflow key opens no database column
 * and the two rotate independently.
 */
export const PERSONAL_DATA_KEY_VARIABLES: KeyRingVariables = Object.freeze({
  keys: 'PERSONAL_DATA_KEYS',
  keysFile: 'PERSONAL_DATA_KEYS_FILE',
  keyId: 'PERSONAL_DATA_KEY_ID',
});
const EXAMPLE = 'e.g. 2026-01:$(openssl rand -base64 32)';

/**
 * The key ring: every key that may have encrypted a payload still in a history, by id, and the
 * id that encrypts new ones. The keys stay out of logs and JSON: inspecting or serialising a
 * ring shows its ids only.
 */
export class PayloadKeyRing {
  readonly #keys: ReadonlyMap<string, Buffer>;

  private constructor(
    readonly currentKeyId: string,
    keys: ReadonlyMap<string, Buffer>,
  ) {
    this.#keys = keys;
  }

  /**
   * A ring from keys given in code (tests, a KMS client); `source` names where they came from
   * in messages. Throws ConfigError for a bad id or key, or a current id without its key.
   */
  static of(
    keys: Iterable<readonly [string, Uint8Array]>,
    currentKeyId: string,
    source = KEYS,
    keyIdName = KEY_ID,
  ): PayloadKeyRing {
    const ring = new Map<string, Buffer>();
    let n = 0;
    for (const [id, key] of keys) {
      n += 1;
      // Not echoed: a value that is not an id may be a key.
      if (!PAYLOAD_KEY_ID_PATTERN.test(id))
        throw new ConfigError(`${source}: entry ${n}: ${ID_RULE}`);
      if (ring.has(id)) throw new ConfigError(`${source}: the key id '${id}' occurs twice`);
      if (key.length !== PAYLOAD_KEY_BYTES) {
        throw new ConfigError(
          `${source}: the key '${id}' must be ${PAYLOAD_KEY_BYTES} bytes, base64-encoded (${EXAMPLE})`,
        );
      }
      ring.set(id, Buffer.from(key));
    }
    if (ring.size === 0) throw new ConfigError(`${source} holds no key (${EXAMPLE})`);
    if (!PAYLOAD_KEY_ID_PATTERN.test(currentKeyId))
      throw new ConfigError(`${keyIdName}: ${ID_RULE}`);
    if (!ring.has(currentKeyId)) {
      throw new ConfigError(
        `${keyIdName} '${currentKeyId}' is not one of the keys in ${source} (ids: ${[...ring.keys()].join(', ')})`,
      );
    }
    return new PayloadKeyRing(currentKeyId, ring);
  }

  /**
   * Reads the ring from `TEMPORAL_PAYLOAD_KEYS` or `TEMPORAL_PAYLOAD_KEYS_FILE` (exactly one of
   * them) and `TEMPORAL_PAYLOAD_KEY_ID`. Throws ConfigError naming the variable.
   */
  static fromEnv(
    env: NodeJS.ProcessEnv,
    vars: KeyRingVariables = PAYLOAD_KEY_VARIABLES,
  ): PayloadKeyRing {
    const { keys: KEYS, keysFile: KEYS_FILE, keyId: KEY_ID } = vars;
    const inline = env[KEYS]?.trim();
    const file = env[KEYS_FILE]?.trim();
    if (inline && file) {
      throw new ConfigError(`Set either ${KEYS} or ${KEYS_FILE}, not both`);
    }
    if (!inline && !file) {
      throw new ConfigError(
        `${KEYS} (or ${KEYS_FILE}, a file with the same entries) is required: id:base64key entries, ${EXAMPLE}`,
      );
    }
    const currentKeyId = env[KEY_ID]?.trim();
    if (!currentKeyId) {
      throw new ConfigError(
        `${KEY_ID} is required: the id of the key in ${inline ? KEYS : KEYS_FILE} that encrypts new payloads`,
      );
    }
    if (file) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        const code = (err as { code?: string }).code ?? (err as Error).message;
        throw new ConfigError(`${KEYS_FILE}: cannot read ${file} (${code})`);
      }
      return PayloadKeyRing.of(
        parsePayloadKeys(text, `${KEYS_FILE} (${file})`),
        currentKeyId,
        KEYS_FILE,
        KEY_ID,
      );
    }
    return PayloadKeyRing.of(parsePayloadKeys(inline!, KEYS), currentKeyId, KEYS, KEY_ID);
  }

  /** A ring of one fresh random key: tests, and the first `npm start`. */
  static generate(id = 'generated'): PayloadKeyRing {
    return PayloadKeyRing.of([[id, randomBytes(PAYLOAD_KEY_BYTES)]], id);
  }

  /** The same keys, with `id` encrypting new payloads (rotation). */
  withCurrent(id: string): PayloadKeyRing {
    return PayloadKeyRing.of(this.#keys, id);
  }

  /** These keys and `other`'s, with `currentKeyId` encrypting new payloads (rotation). */
  merge(other: PayloadKeyRing, currentKeyId: string): PayloadKeyRing {
    return PayloadKeyRing.of([...this.#keys, ...other.#keys], currentKeyId);
  }

  get ids(): string[] {
    return [...this.#keys.keys()];
  }

  /** The key of `id`, or undefined when the ring does not hold it. */
  key(id: string): Buffer | undefined {
    return this.#keys.get(id);
  }

  /** The environment that configures this ring (it holds the keys: treat it as a secret). */
  toEnv(): { TEMPORAL_PAYLOAD_KEYS: string; TEMPORAL_PAYLOAD_KEY_ID: string } {
    return {
      [KEYS]: [...this.#keys].map(([id, key]) => `${id}:${key.toString('base64')}`).join(','),
      [KEY_ID]: this.currentKeyId,
    };
  }

  /** The same as toEnv, under other variables (e.g. PERSONAL_DATA_KEY_VARIABLES). */
  toEnvAs(vars: KeyRingVariables): Record<string, string> {
    const env = this.toEnv();
    return { [vars.keys]: env[KEYS], [vars.keyId]: env[KEY_ID] };
  }

  toJSON(): { currentKeyId: string; ids: string[] } {
    return { currentKeyId: this.currentKeyId, ids: this.ids };
  }

  [inspect.custom](): string {
    return `PayloadKeyRing { currentKeyId: '${this.currentKeyId}', ids: [${this.ids.map((id) => `'${id}'`).join(', ')}] }`;
  }
}

/**
 * `id:base64key` entries, separated by commas or new lines; blank lines and `#` comments are
 * skipped. The base64 may be standard or URL-safe, padded or not. `source` names the variable
 * or file in messages; an entry is identified by its number, never echoed.
 */
export function parsePayloadKeys(text: string, source: string): [string, Buffer][] {
  const entries = text
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.map((entry, i) => {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon).trim() : '';
    const encoded = colon > 0 ? entry.slice(colon + 1).trim() : '';
    if (!id || !encoded) {
      throw new ConfigError(`${source}: entry ${i + 1} is not id:base64key (${EXAMPLE})`);
    }
    if (!PAYLOAD_KEY_ID_PATTERN.test(id))
      throw new ConfigError(`${source}: entry ${i + 1}: ${ID_RULE}`);
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) {
      throw new ConfigError(`${source}: the key '${id}' is not base64 (${EXAMPLE})`);
    }
    return [id, Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64')];
  });
}
