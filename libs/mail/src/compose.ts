import { escapeHtml } from '@jaarcyclus/i18n';
import type { RenderedMail } from './outbox.service';

/**
 * One layout for every mail Jaarcyclus writes, in the worker (the cycles' mails) and in the api
 * (what a person's action sends right away): text and HTML from the same blocks.
 */
/** Paragraphs; a paragraph given as string[] is a list. */
export type Block =
  string | { lines: string[] } | { link: string; label: string } | { rows: [string, string][] };

export function compose(subject: string, blocks: Block[], footer: string): RenderedMail {
  const text: string[] = [];
  const html: string[] = [];
  for (const b of blocks) {
    if (typeof b === 'string') {
      text.push(b);
      html.push(`<p>${escapeHtml(b)}</p>`);
    } else if ('lines' in b) {
      text.push(b.lines.map((l) => `- ${l}`).join('\n'));
      html.push(`<ul>${b.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);
    } else if ('link' in b) {
      text.push(`${b.label}: ${b.link}`);
      html.push(`<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`);
    } else {
      const width = Math.max(...b.rows.map(([k]) => k.length));
      text.push(b.rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
      html.push(
        `<table>${b.rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td style="text-align:right">${escapeHtml(v)}</td></tr>`).join('')}</table>`,
      );
    }
  }
  text.push(`--\n${footer}`);
  html.push(`<p style="color:#666">${escapeHtml(footer)}</p>`);
  return {
    subject,
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif">${html.join('\n')}</body></html>`,
  };
}
