import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url (43 characters): unguessable, safe in a URL and a cookie. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** Only this hash is stored, so a leaked database does not hand out usable links or sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
