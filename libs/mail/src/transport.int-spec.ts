import { SmtpCapture } from '@jaarcyclus/testing';
import { DEFAULT_SMTP_POOL_CONNECTIONS, createSmtpTransport } from './transport';

/** A burst of mails over a pooled transport, against a real SMTP server. */
describe('pooled SMTP transport', () => {
  let smtp: SmtpCapture;

  beforeEach(async () => {
    smtp = await new SmtpCapture().start();
  });
  afterEach(async () => {
    await smtp.stop();
  });

  const burst = (n: number, send: ReturnType<typeof createSmtpTransport>['send']) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        send({
          from: 'Jaarcyclus <noreply@jaarcyclus.example>',
          to: `contact-${i}@school.example`,
          subject: `Uitnodiging ${i}`,
          text: 'De verantwoording staat klaar.',
          html: '<p>De verantwoording staat klaar.</p>',
          messageId: `<burst-${i}@jaarcyclus.example>`,
        }),
      ),
    );

  it('never opens more connections than configured, as a relay with a low limit requires', async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`, {
      pool: true,
      maxConnections: 3,
    });
    try {
      await burst(12, transport.send);
    } finally {
      transport.close();
    }

    expect(smtp.messages).toHaveLength(12);
    expect(smtp.maxOpenConnections).toBe(3);
  });

  it('sends a burst over the default number of connections, reusing them', async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`, { pool: true });
    try {
      await burst(DEFAULT_SMTP_POOL_CONNECTIONS * 3, transport.send);
    } finally {
      transport.close();
    }

    expect(smtp.messages).toHaveLength(DEFAULT_SMTP_POOL_CONNECTIONS * 3);
    expect(smtp.maxOpenConnections).toBe(DEFAULT_SMTP_POOL_CONNECTIONS);
  });
});
