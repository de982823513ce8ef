/**
 * Where the browser goes after signing in: the page a person opened from an e-mail while signed
 * out ("Stem nu", the proposal, a review task). Only a path on this site is accepted — never
 * another origin (`//evil.example`, `/\evil.example`), never a header break, never the sign-in
 * pages themselves — so a crafted link cannot send someone elsewhere after signing in.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if ([...value].some((c) => c <= ' ' || c === '\u007f' || c === '\\')) return null;
  const path = value.split(/[?#]/, 1)[0] ?? '';
  if (/^\/(auth|login|logout|lang)(\/|$)/.test(path)) return null;
  return value;
}
