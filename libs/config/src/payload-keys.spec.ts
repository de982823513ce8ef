import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import {
  ConfigError,
  PERSONAL_DATA_KEY_VARIABLES,
  PayloadKeyRing,
  parsePayloadKeys,
} from './index';

const KEY_A = Buffer.alloc(32, 0xa1).toString('base64');
const KEY_B = Buffer.alloc(32, 0xb2).toString('base64');

/** The message the key ring refuses `env` with. */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    PayloadKeyRing.fromEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('the payload key ring from the environment', () => {
  it('reads id:base64key entries and the id that encrypts new payloads', () => {
    const ring = PayloadKeyRing.fromEnv({
      TEMPORAL_PAYLOAD_KEYS: ` 2025-01:${KEY_A} ,2026-01:${KEY_B}`,
      TEMPORAL_PAYLOAD_KEY_ID: '2026-01',
    });
    expect(ring.currentKeyId).toBe('2026-01');
    expect(ring.ids).toEqual(['2025-01', '2026-01']);
    expect(ring.key('2025-01')).toEqual(Buffer.alloc(32, 0xa1));
    expect(ring.key('2024-01')).toBeUndefined();
  });

  it('reads the same entries from a file: one a line, comments, URL-safe base64', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaarcyclus-keys-'));
    const file = path.join(dir, 'keys');
    const urlSafe = KEY_B.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    fs.writeFileSync(file, `# rotated 2026-01-05\n2025-01:${KEY_A}\n\n2026-01:${urlSafe}\n`);
    const ring = PayloadKeyRing.fromEnv({
      TEMPORAL_PAYLOAD_KEYS_FILE: file,
      TEMPORAL_PAYLOAD_KEY_ID: '2025-01',
    });
    expect(ring.ids).toEqual(['2025-01', '2026-01']);
    expect(ring.key('2026-01')).toEqual(Buffer.alloc(32, 0xb2));
    expect(
      refusal({ TEMPORAL_PAYLOAD_KEYS_FILE: path.join(dir, 'none'), TEMPORAL_PAYLOAD_KEY_ID: 'x' }),
    ).toBe(`TEMPORAL_PAYLOAD_KEYS_FILE: cannot read ${path.join(dir, 'none')} (ENOENT)`);
    fs.rmSync(dir, { recursive: true });
  });

  it.each([
    [{}, /^TEMPORAL_PAYLOAD_KEYS \(or TEMPORAL_PAYLOAD_KEYS_FILE, .*\) is required/],
    [
      {
        TEMPORAL_PAYLOAD_KEYS: `a:${KEY_A}`,
        TEMPORAL_PAYLOAD_KEYS_FILE: '/run/secrets/k',
        TEMPORAL_PAYLOAD_KEY_ID: 'a',
      },
      /^Set either TEMPORAL_PAYLOAD_KEYS or TEMPORAL_PAYLOAD_KEYS_FILE, not both$/,
    ],
    [{ TEMPORAL_PAYLOAD_KEYS: `a:${KEY_A}` }, /^TEMPORAL_PAYLOAD_KEY_ID is required/],
    [
      { TEMPORAL_PAYLOAD_KEYS: `a:${KEY_A},b:${KEY_B}`, TEMPORAL_PAYLOAD_KEY_ID: 'c' },
      /^TEMPORAL_PAYLOAD_KEY_ID 'c' is not one of the keys in TEMPORAL_PAYLOAD_KEYS \(ids: a, b\)$/,
    ],
    [
      { TEMPORAL_PAYLOAD_KEYS: `a:${KEY_A},a:${KEY_B}`, TEMPORAL_PAYLOAD_KEY_ID: 'a' },
      /^TEMPORAL_PAYLOAD_KEYS: the key id 'a' occurs twice$/,
    ],
    [
      {
        TEMPORAL_PAYLOAD_KEYS: `a:${Buffer.alloc(16).toString('base64')}`,
        TEMPORAL_PAYLOAD_KEY_ID: 'a',
      },
      /^TEMPORAL_PAYLOAD_KEYS: the key 'a' must be 32 bytes, base64-encoded/,
    ],
    [
      { TEMPORAL_PAYLOAD_KEYS: 'a:not base64!', TEMPORAL_PAYLOAD_KEY_ID: 'a' },
      /the key 'a' is not base64/,
    ],
    [{ TEMPORAL_PAYLOAD_KEYS: KEY_A, TEMPORAL_PAYLOAD_KEY_ID: 'a' }, /entry 1 is not id:base64key/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(refusal(env)).toMatch(message);
  });

  it('never echoes a key, not even one put where an id belongs', () => {
    const reversed = `${KEY_A}:2026-01`;
    const urlSafe = KEY_A.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const messages = [
      refusal({ TEMPORAL_PAYLOAD_KEYS: reversed, TEMPORAL_PAYLOAD_KEY_ID: '2026-01' }),
      refusal({ TEMPORAL_PAYLOAD_KEYS: `${urlSafe}:${KEY_B}`, TEMPORAL_PAYLOAD_KEY_ID: 'a' }),
      refusal({ TEMPORAL_PAYLOAD_KEYS: `a:${KEY_B}`, TEMPORAL_PAYLOAD_KEY_ID: urlSafe }),
      refusal({ TEMPORAL_PAYLOAD_KEYS: `a:${KEY_A.slice(0, 20)}`, TEMPORAL_PAYLOAD_KEY_ID: 'a' }),
    ];
    for (const message of messages) {
      expect(message).not.toContain(KEY_A.slice(0, 12));
      expect(message).not.toContain(urlSafe.slice(0, 12));
    }
  });

  it('shows only its ids when logged or serialised', () => {
    const ring = PayloadKeyRing.fromEnv({
      TEMPORAL_PAYLOAD_KEYS: `a:${KEY_A}`,
      TEMPORAL_PAYLOAD_KEY_ID: 'a',
    });
    expect(inspect({ ring })).toContain("PayloadKeyRing { currentKeyId: 'a', ids: ['a'] }");
    expect(JSON.stringify({ ring })).toBe('{"ring":{"currentKeyId":"a","ids":["a"]}}');
    for (const shown of [
      inspect(ring, { showHidden: true, depth: 10 }),
      JSON.stringify(ring),
      String(ring),
    ]) {
      expect(shown).not.toContain(KEY_A.slice(0, 12));
    }
    // toEnv is the one way out, for a test or a generated file.
    expect(ring.toEnv()).toEqual({
      TEMPORAL_PAYLOAD_KEYS: `a:${KEY_A}`,
      TEMPORAL_PAYLOAD_KEY_ID: 'a',
    });
  });

  it('generates rings of fresh random keys that configure the same ring again', () => {
    const a = PayloadKeyRing.generate('dev');
    const b = PayloadKeyRing.generate('dev');
    expect(a.key('dev')!.equals(b.key('dev')!)).toBe(false);
    const again = PayloadKeyRing.fromEnv(a.toEnv());
    expect(again.key('dev')!.equals(a.key('dev')!)).toBe(true);
    expect(parsePayloadKeys(a.toEnv().TEMPORAL_PAYLOAD_KEYS, 'x').map(([id]) => id)).toEqual([
      'dev',
    ]);
  });

  it('reads the personal data key ring from its own variables, naming them when wrong', () => {
    const ring = PayloadKeyRing.fromEnv(
      {
        PERSONAL_DATA_KEYS: `pd-1:${KEY_A}`,
        PERSONAL_DATA_KEY_ID: 'pd-1',
        TEMPORAL_PAYLOAD_KEYS: 'x',
      },
      PERSONAL_DATA_KEY_VARIABLES,
    );
    expect(ring.toJSON()).toEqual({ currentKeyId: 'pd-1', ids: ['pd-1'] });
    expect(ring.toEnvAs(PERSONAL_DATA_KEY_VARIABLES)).toEqual({
      PERSONAL_DATA_KEYS: `pd-1:${KEY_A}`,
      PERSONAL_DATA_KEY_ID: 'pd-1',
    });
    expect(() =>
      PayloadKeyRing.fromEnv(
        { PERSONAL_DATA_KEYS: `pd-1:${KEY_A}`, PERSONAL_DATA_KEY_ID: 'pd-2' },
        PERSONAL_DATA_KEY_VARIABLES,
      ),
    ).toThrow(
      /^PERSONAL_DATA_KEY_ID 'pd-2' is not one of the keys in PERSONAL_DATA_KEYS \(ids: pd-1\)$/,
    );
  });
});
