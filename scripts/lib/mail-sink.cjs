'use strict';
// Local mail sink for `npm start`: a real SMTP server that keeps every message, and a small web
// inbox to read them. Messages survive a restart (stored as JSON under .data/mail).
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

function escapeHtml(s) {
  return String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
}

async function startMailSink({ smtpPort = 1025, httpPort = 1080, dataDir }) {
  const { SMTPServer } = require('smtp-server');
  const { simpleParser } = require('mailparser');
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'inbox.json');
  const messages = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
  const save = () => fs.writeFileSync(file, JSON.stringify(messages, null, 1));

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            id: messages.length + 1,
            date: new Date().toISOString(),
            from: mail.from ? mail.from.text : '',
            to: mail.to
              ? [mail.to]
                  .flat()
                  .map((a) => a.text)
                  .join(', ')
              : '',
            subject: mail.subject || '',
            text: mail.text || '',
            html: typeof mail.html === 'string' ? mail.html : '',
          });
          save();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(smtpPort, '127.0.0.1', resolve);
  });

  const page = (title, body) =>
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}td,th{padding:.3rem .6rem;text-align:left;border-bottom:1px solid #ddd}a{color:#0b5394}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}</style></head><body>${body}</body></html>`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/api/messages') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(messages));
    }
    const m = url.pathname.match(/^\/messages\/(\d+)$/);
    if (m) {
      const msg = messages.find((x) => x.id === Number(m[1]));
      if (!msg) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(
          page(
            'Niet gevonden',
            '<p>Dit bericht bestaat niet. <a href="/">Terug naar de inbox</a></p>',
          ),
        );
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const linked = escapeHtml(msg.text).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>');
      return res.end(
        page(
          msg.subject,
          `<p><a href="/">← Inbox</a></p><h1>${escapeHtml(msg.subject)}</h1><p>Aan: ${escapeHtml(msg.to)}<br>Van: ${escapeHtml(msg.from)}<br>${escapeHtml(msg.date)}</p><pre>${linked}</pre>`,
        ),
      );
    }
    const rows = messages
      .slice()
      .reverse()
      .map(
        (x) =>
          `<tr><td>${escapeHtml(x.date.slice(0, 19).replace('T', ' '))}</td><td>${escapeHtml(x.to)}</td><td><a href="/messages/${x.id}">${escapeHtml(x.subject)}</a></td></tr>`,
      )
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      page(
        'Jaarcyclus mail-inbox',
        `<h1>Mail-inbox (lokaal)</h1><p>${messages.length} berichten. Alles wat Jaarcyclus verstuurt, komt hier terecht.</p><table><thead><tr><th>Tijd (UTC)</th><th>Aan</th><th>Onderwerp</th></tr></thead><tbody>${rows || '<tr><td colspan="3">Nog geen berichten.</td></tr>'}</tbody></table>`,
      ),
    );
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(httpPort, '127.0.0.1', resolve);
  });
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    inboxUrl: `http://127.0.0.1:${httpPort}`,
    stop: () =>
      Promise.all([new Promise((r) => smtp.close(r)), new Promise((r) => server.close(r))]),
  };
}

module.exports = { startMailSink };
