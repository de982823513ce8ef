import type { DataSource } from 'typeorm';

export const OPERATOR_USAGE =
  'usage: operator grant <email> | operator revoke <email> | operator list';

/**
 * The platform role `operator` (may read every SWV's decrypted workflow data through the
 * Temporal Web UI's codec endpoint) is granted and revoked only here, by whoever runs the
 * service, never through an SWV's own administration. The person signs in as usual; the
 * change holds from their next request. Returns what it did, in one line.
 */
export async function operatorCommand(ds: DataSource, args: string[]): Promise<string> {
  const [command, rawEmail] = args;
  const email = rawEmail?.trim().toLowerCase();
  if (command === 'list' && args.length === 1) {
    const rows = (await ds.query(
      `SELECT p.email, o.slug FROM person p JOIN organisation o ON o.id = p.organisation_id
        WHERE 'operator' = ANY (p.platform_roles) ORDER BY p.email`,
    )) as { email: string; slug: string }[];
    return rows.length
      ? `operators: ${rows.map((r) => `${r.email} (${r.slug})`).join(', ')}`
      : 'no operators';
  }
  if ((command !== 'grant' && command !== 'revoke') || !email || args.length !== 2) {
    throw new Error(OPERATOR_USAGE);
  }
  // An address is unique per SWV: one human may be a person in several; the role goes to each.
  const people = (await ds.query(`SELECT id, active FROM person WHERE email = $1`, [email])) as {
    id: string;
    active: boolean;
  }[];
  if (people.length === 0) throw new Error(`no person with the e-mail address ${email}`);
  const ids = people.map((p) => p.id);
  if (command === 'grant') {
    await ds.query(
      `UPDATE person SET platform_roles = array_append(platform_roles, 'operator')
        WHERE id = ANY($1::uuid[]) AND NOT 'operator' = ANY (platform_roles)`,
      [ids],
    );
    const active = people.some((p) => p.active);
    return `${email} is an operator${active ? '' : ' (but inactive: cannot sign in)'}`;
  }
  await ds.query(
    `UPDATE person SET platform_roles = array_remove(platform_roles, 'operator') WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return `${email} is not an operator`;
}
