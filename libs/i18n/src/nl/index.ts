import { checks } from './checks';
import { labels } from './labels';
import { mail } from './mail';
import { messages } from './messages';
import { web } from './web';

/** Every Dutch text of Jaarcyclus, by area. Dutch is the first language: its shape is the catalogue's. */
export const nl = { web, mail, messages, checks, labels };
