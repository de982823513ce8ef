import { readFile } from 'node:fs/promises';
import { ApiConfig } from '@jaarcyclus/api/config';
import { MailDispatcher } from '@jaarcyclus/api/mail/mail-dispatcher';
import { PayloadKeyRing } from '@jaarcyclus/config';
import { createSmtpTransport, OutboxService } from '@jaarcyclus/mail';
import { createDataSource } from '@jaarcyclus/persistence';
import { PLATFORM_USAGE, platformCommand } from './platform-command';

/**
 * `npm run platform -- grant <email>`          the person may onboard SWVs (platform_admin)
 * `npm run platform -- revoke <email>`
 * `npm run platform -- list`
 * `npm run platform -- onboard <file.json>`    a new SWV; its administrator is mailed a sign-in link
 * (DATABASE_URL as for the api; SMTP_URL, MAIL_FROM and PUBLIC_URL for the mail of `onboard`)
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/jaarcyclus');
  if (process.argv.length < 3) throw new Error(PLATFORM_USAGE);
  const ds = await createDataSource(url).initialize();
  try {
    const line = await platformCommand(
      ds,
      process.argv.slice(2),
      (path) => readFile(path, 'utf8'),
      () => {
        // The workflow keys are not used here: a throwaway ring satisfies the api's configuration.
        const config = ApiConfig.with(PayloadKeyRing.generate('cli').toEnv());
        const outbox = new OutboxService(ds, createSmtpTransport(config.smtpUrl), config.mailFrom);
        return { config, dispatcher: new MailDispatcher(outbox), outbox };
      },
    );
    console.log(`[platform] ${line}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(`[platform] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
