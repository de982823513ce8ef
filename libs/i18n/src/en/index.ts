import type { Catalogue } from '../catalogue';
import { checks } from './checks';
import { labels } from './labels';
import { mail } from './mail';
import { messages } from './messages';
import { web } from './web';

/** Every English text of Jaarcyclus: the same keys as the Dutch catalogue (checked by the compiler). */
export const en: Catalogue = { web, mail, messages, checks, labels };
