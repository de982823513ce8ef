import type { Locale } from '@jaarcyclus/i18n';
import type { Role } from '@jaarcyclus/persistence';
import { messagesFor } from '../i18n';
import type { WebContext } from '../layout';

/** A page's context for rendering tests: a signed-in person of SWV Stadsring with `roles`. */
export function webContext(
  o: { locale?: Locale; roles?: Role[]; path?: string; name?: string; email?: string } = {},
): WebContext {
  const locale = o.locale ?? 'nl';
  return {
    locale,
    t: messagesFor(locale),
    person: {
      id: 'p-me',
      name: o.name ?? 'Ingrid Wolters',
      email: o.email ?? 'secretariaat@stadsring.example',
      locale,
      roles: o.roles ?? ['secretariat'],
      organisationId: 'org',
      organisation: { id: 'org', name: 'SWV Stadsring', slug: 'stadsring' },
      sessionId: 's',
    },
    csrfToken: 'csrf-token',
    path: o.path ?? '/app',
  };
}
