import { Injectable, Logger } from '@nestjs/common';
import { OutboxService, secretPlaceholder } from '@jaarcyclus/mail';
import { AuthRepository, type LoginCandidate } from '@jaarcyclus/persistence';
import { ApiConfig } from '../config';
import { safeReturnPath } from './return-path';
import { MailDispatcher } from '../mail/mail-dispatcher';
import { countSignIn } from '../metrics/metrics';
import type { AuthenticatedPerson } from './authenticated-person';
import { renderLoginMail } from './login-mail';
import { hashToken, newToken } from './tokens';

/** A sign-in link is valid this long: long enough to switch to the mail app, short enough to limit a leaked link. */
export const LOGIN_TOKEN_TTL_MINUTES = 15;

/** The placeholder name of the sign-in token in the stored login mail (never stored itself). */
const LOGIN_TOKEN_SECRET = 'login-token';

export interface SignedIn {
  sessionToken: string;
  expiresAt: Date;
  person: AuthenticatedPerson;
}

/** Passwordless sign-in: an emailed one-time link is exchanged for a session. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly repo: AuthRepository,
    private readonly mail: MailDispatcher,
    private readonly outbox: OutboxService,
    private readonly config: ApiConfig,
  ) {}

  /**
   * Emails a sign-in link to each active person with this address (one per SWV: a bestuurder
   * can sit in two). Unknown addresses get no mail and no different answer, so the endpoint
   * cannot be used to find out who has an account. Nor does a person who was already sent
   * LOGIN_LINKS_PER_PERSON links within a link's validity: the answer stays the same, and the
   * links sent still work.
   *
   * Constant work in the request: it only queues the job (MailDispatcher); looking the address
   * up, storing the token and sending the mail happen after the response, a few at a time, so
   * neither the answer nor its timing depends on the address.
   */
  requestLogin(email: string, returnTo: string | null = null): Promise<void> {
    const address = email.trim().toLowerCase();
    this.mail.run(() => this.sendLoginLinks(address, returnTo));
    return Promise.resolve();
  }

  private async sendLoginLinks(email: string, returnTo: string | null): Promise<void> {
    const people = await this.repo.findActivePersonsByEmail(email);
    if (people.length === 0) countSignIn('unknown_address');
    for (const person of people) await this.sendLoginLink(person, returnTo);
  }

  private async sendLoginLink(person: LoginCandidate, returnTo: string | null): Promise<void> {
    const { token, hash } = newToken();
    const tokenId = await this.repo.insertLoginTokenWithinLimit(
      person.id,
      hash,
      LOGIN_TOKEN_TTL_MINUTES,
      this.config.loginLinksPerPerson,
    );
    if (tokenId === null) {
      this.logger.warn(`sign-in link limit reached for person ${person.id}; no mail sent`);
      countSignIn('limited');
      return;
    }
    // The outbox stores the mail with a placeholder for the token: a database reader or a backup
    // finds no usable link. The token lives only in this process until the send; if that fails
    // or the process ends first, the mail is never sent with it and the person asks again.
    // The page the person was on when asked to sign in travels in the link, so that the link
    // lands there after signing in (checked again when it comes back).
    const next = safeReturnPath(returnTo);
    const link = `${this.config.publicUrl}/auth/verify?token=${secretPlaceholder(LOGIN_TOKEN_SECRET)}${
      next ? `&next=${encodeURIComponent(next)}` : ''
    }`;
    const rendered = renderLoginMail({
      locale: person.locale,
      name: person.name,
      organisationName: person.organisationName,
      link,
      validMinutes: LOGIN_TOKEN_TTL_MINUTES,
    });
    await this.outbox.deliver(
      {
        idempotencyKey: `login:${tokenId}`,
        organisationId: person.organisationId,
        to: person.email,
        ...rendered,
      },
      { secrets: { [LOGIN_TOKEN_SECRET]: encodeURIComponent(token) } },
    );
    countSignIn('link_sent');
  }

  /** Read-only: whether the link can still be used (the GET page must not consume it). */
  isLoginTokenUsable(token: string): Promise<boolean> {
    return this.repo.isLoginTokenUsable(hashToken(token));
  }

  /** Consumes the link once and opens a session; null for an unknown, used or expired link. */
  async signIn(loginToken: string): Promise<SignedIn | null> {
    const session = newToken();
    const result = await this.repo.exchangeLoginToken(
      hashToken(loginToken),
      session.hash,
      this.config.sessionTtlHours,
    );
    countSignIn(result ? 'signed_in' : 'link_refused');
    return result
      ? { sessionToken: session.token, expiresAt: result.expiresAt, person: result.person }
      : null;
  }

  /** The person of a valid session token (not expired, not revoked, person still active). */
  authenticate(sessionToken: string): Promise<AuthenticatedPerson | null> {
    return this.repo.findSession(hashToken(sessionToken));
  }

  signOut(person: AuthenticatedPerson): Promise<void> {
    return this.repo.revokeSession(person.sessionId);
  }
}
