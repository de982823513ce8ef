/**
 * The web app's one stylesheet. Kept as a module (not a loose .css file) so the compiled api
 * carries it without a copy step. Colours: text #1a1a1a and links/buttons #0b5394 on white
 * (contrast 17:1 and 7.6:1), errors #a4161a (7.9:1), muted text #4a4a4a (8.9:1).
 */
export const APP_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: #1a1a1a;
  background: #f3f4f6;
  overflow-wrap: break-word;
}
a { color: #0b5394; text-underline-offset: 0.15em; }
a:hover { color: #073763; text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid #f1c232; outline-offset: 2px; box-shadow: 0 0 0 5px #1a1a1a; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0 0 1rem; }

.skip-link {
  position: absolute; left: 0.5rem; top: -3rem; z-index: 10;
  background: #ffffff; color: #0b5394; padding: 0.5rem 1rem; border: 2px solid #0b5394;
}
.skip-link:focus { top: 0.5rem; }

.site-header { background: #0b5394; color: #ffffff; }
.site-header a, .site-header .button-link { color: #ffffff; }
.site-header :focus-visible { outline-color: #f1c232; box-shadow: 0 0 0 5px #1a1a1a; }
.bar {
  max-width: 64rem; margin: 0 auto; padding: 0.75rem 1rem;
  display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between;
}
.brand { margin: 0; font-weight: 700; font-size: 1.15rem; display: flex; flex-wrap: wrap; gap: 0 0.75rem; align-items: baseline; }
.brand a { text-decoration: none; }
.tenant { font-weight: 400; font-size: 0.95rem; }
.account { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; }
.who { margin: 0; font-size: 0.95rem; }
.inline-form { display: inline; margin: 0; }
.button-link {
  font: inherit; font-size: 0.95rem; background: none; border: 0; padding: 0.25rem 0; min-height: 44px;
  text-decoration: underline; text-underline-offset: 0.15em; cursor: pointer; color: #0b5394;
}
.main-nav { background: #073763; }
.main-nav ul { list-style: none; margin: 0 auto; padding: 0 1rem; max-width: 64rem; display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.main-nav a { display: inline-block; padding: 0.6rem 0; text-decoration: none; border-bottom: 4px solid transparent; }
.main-nav a:hover { border-bottom-color: #9fc5e8; }
.main-nav a[aria-current="page"] { border-bottom-color: #ffffff; font-weight: 700; }

main { display: block; max-width: 64rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.panel { background: #ffffff; border-radius: 6px; padding: 1.25rem; margin: 0 0 1.5rem; border: 1px solid #d0d4da; }
.panel > h2:first-child, .panel > h3:first-child { margin-top: 0; }
.narrow { max-width: 36rem; }
.lead { font-size: 1.1rem; }
.muted { color: #4a4a4a; }

.field { margin: 0 0 1.25rem; }
label, legend { display: block; font-weight: 700; margin: 0 0 0.25rem; }
.hint { color: #4a4a4a; margin: 0 0 0.35rem; font-size: 0.95rem; }
input[type="text"], input[type="email"], input[type="url"], input[type="datetime-local"], select, textarea {
  font: inherit; width: 100%; max-width: min(32rem, 100%); padding: 0.5rem; min-height: 44px;
  border: 2px solid #1a1a1a; border-radius: 0; background: #ffffff; color: #1a1a1a;
}
input.input-short { max-width: 10rem; }
input[type="file"] { font: inherit; max-width: 100%; padding: 0.35rem 0; min-height: 44px; }
.checkbox { display: flex; align-items: center; gap: 0.6rem; min-height: 44px; }
.filters { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-end; }
.filters .field { flex: 1 1 12rem; min-width: 0; margin-bottom: 0.75rem; }
.filters .field select, .filters .field input { width: 100%; }
.filters .actions { margin: 0 0 0.75rem; }
.checkbox input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; accent-color: #0b5394; }
.checkbox label { margin: 0; font-weight: 400; }
.uploaded-document p { margin: 0 0 0.25rem; overflow-wrap: anywhere; }
input[readonly] { background: #f3f4f6; }
textarea { min-height: 6rem; }
.field--error { border-left: 4px solid #a4161a; padding-left: 0.75rem; }
.field--error input, .field--error select, .field--error textarea { border-color: #a4161a; }
.field-error { color: #a4161a; font-weight: 700; margin: 0 0 0.35rem; }
fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; min-width: 0; }
.choices { display: flex; flex-direction: column; gap: 0.5rem; }
.choice { display: flex; align-items: center; gap: 0.6rem; font-weight: 400; margin: 0; min-height: 44px; }
.choice input { width: 1.5rem; height: 1.5rem; margin: 0; accent-color: #0b5394; }

.button,
.sign-in-link button {
  display: inline-block; font: inherit; font-weight: 700; line-height: 1.25; cursor: pointer;
  padding: 0.65rem 1.25rem; min-height: 44px; border: 2px solid #0b5394; border-radius: 4px;
  background: #0b5394; color: #ffffff; text-decoration: none;
}
.button:hover,
.sign-in-link button:hover { background: #073763; border-color: #073763; color: #ffffff; }
.button--secondary { background: #ffffff; color: #0b5394; }
.button--secondary:hover { background: #e8f0f8; color: #073763; }
.button--warning { background: #a4161a; border-color: #a4161a; }
.button--warning:hover { background: #7a1013; border-color: #7a1013; }
.delete-link { margin-top: 2rem; }
.button[aria-disabled="true"],
.sign-in-link button[aria-disabled="true"] { opacity: 0.7; cursor: progress; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1.5rem 0 0; }

.error-summary { border: 4px solid #a4161a; background: #ffffff; padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.error-summary h2 { margin-top: 0; font-size: 1.2rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: #a4161a; font-weight: 700; }
.notice { border-left: 6px solid #1e6b34; background: #ffffff; padding: 0.75rem 1rem; margin: 0 0 1.5rem; }
.notice p { margin: 0; }
.notice--info { border-left-color: #0b5394; }
.notice--warning { border-left-color: #b45309; background: #fff7ed; font-weight: 700; }
.panel--review { border: 3px solid #0b5394; }
/* The default button of a form (Enter in a field), kept out of sight and out of the tab order. */
.implicit-submit { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.panel--review:focus { outline: 3px solid #b45309; outline-offset: 2px; }
.notice h2 { margin-top: 0; font-size: 1.1rem; }

.task-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
.task { background: #ffffff; border: 1px solid #d0d4da; border-left: 6px solid #0b5394; border-radius: 4px; padding: 0.9rem 1rem; }
.task--late { border-left-color: #a4161a; }
.task--soon { border-left-color: #b45309; }
.task--done { border-left-color: #6b7280; }
.task h3 { margin: 0 0 0.35rem; font-size: 1.1rem; }
.task p { margin: 0; }
.task-meta { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; color: #4a4a4a; font-size: 0.95rem; }
.days { font-weight: 700; color: #1a1a1a; }
.task--late .days { color: #a4161a; }
.tag { display: inline-block; padding: 0 0.4rem; border: 1px solid #4a4a4a; border-radius: 3px; font-size: 0.85rem; color: #1a1a1a; }
.empty { background: #ffffff; border: 1px dashed #6b7280; border-radius: 4px; padding: 1.25rem; }
.empty p:last-child { margin-bottom: 0; }

dl.details { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.35rem 1rem; margin: 0 0 1rem; }
dl.details dt { font-weight: 700; }
dl.details dd { margin: 0; }
@media (max-width: 30rem) { dl.details { grid-template-columns: 1fr; } dl.details dd { margin-bottom: 0.5rem; } }

.table-wrap { overflow-x: auto; margin: 0 0 1rem; background: #ffffff; border: 1px solid #d0d4da; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 700; padding: 0.5rem 0.75rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.75rem; border-bottom: 1px solid #d0d4da; }
thead th { background: #e8edf3; }
td.num, th.num { text-align: right; white-space: nowrap; }
tfoot td, tfoot th { font-weight: 700; }
.sub-nav ul { list-style: none; padding: 0; margin: 0 0 1.5rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }
.member-list { margin: 0.25rem 0 0; padding-left: 1.25rem; }
input.feed-url { max-width: none; }
.feed-url { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9rem; }

.form-section > legend { font-size: 1.2rem; float: left; width: 100%; margin: 0 0 1rem; padding: 0; }
.form-section > legend + * { clear: both; }
.body-cards { display: grid; gap: 1rem; }
.body-card-grid { display: grid; gap: 0 2rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
.body-card-grid > * { min-width: 0; }
.body-cards > *, .action-grid > * { min-width: 0; }
.body-card { margin: 0; }
.body-card h3 { margin-top: 0; }
.body-card h4 { font-size: 1rem; margin: 1rem 0 0.35rem; }
.body-card .quorum { margin-top: 0; }
.state { font-weight: 700; }
.state--escalated, .state--rejected, .state--no_quorum { color: #a4161a; }
.state--approved { color: #1e6b34; }
table.tally { margin: 0 0 0.5rem; background: #ffffff; }
table.tally caption { padding-left: 0; }
table.tally th, table.tally td { padding: 0.4rem 0.5rem; }
@media (max-width: 30rem) { .body-card, .action-grid .panel { padding: 1rem 0.75rem; } }
.quorum { margin: 1rem 0; }
.quorum p { margin: 0 0 0.35rem; }
.quorum-text { color: #4a4a4a; font-size: 0.95rem; }
progress {
  -webkit-appearance: none; appearance: none; display: block; width: 100%; height: 1.25rem;
  border: 1px solid #1a1a1a; border-radius: 3px; background: #e8edf3; color: #0b5394;
}
progress::-webkit-progress-bar { background: #e8edf3; border-radius: 3px; }
progress::-webkit-progress-value { background: #0b5394; border-radius: 2px; }
progress::-moz-progress-bar { background: #0b5394; }
.action-grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); }
.action-grid .panel { margin: 0; display: flex; flex-direction: column; align-items: flex-start; }
.action-grid .panel .field { width: 100%; }
.action-grid h3 { margin-top: 0; }
.panel--action { border-left: 6px solid #0b5394; }
.timeline { list-style: none; margin: 0; padding: 0; border-left: 3px solid #d0d4da; }
.timeline li { position: relative; padding: 0 0 0.75rem 1rem; }
.timeline li::before {
  content: ""; position: absolute; left: -0.5rem; top: 0.4rem; width: 0.7rem; height: 0.7rem;
  border-radius: 50%; background: #0b5394;
}
.timeline time { display: block; font-size: 0.9rem; color: #4a4a4a; }
/* Accountability form: one group per line, its fields side by side where there is room. */
.line-group { border-left: 3px solid #d0d4da; padding-left: 0.75rem; }
.line-group > legend { font-weight: 700; font-size: 1rem; }
.line-fields { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.line-fields > .field { min-width: 0; }
/* Accountability format: a description takes the whole line; category and key share one. */
.wide-field input[type="text"] { max-width: 100%; }
.format-line .line-fields > .field { flex: 1 1 14rem; }
.format-line .line-fields > .checkbox { margin: 0 0 0.75rem; }
.line-moves { display: flex; gap: 0.5rem; margin: 0 0 1rem; }
.button--small { padding: 0.35rem 0.9rem; font-weight: 400; }
.review-comments { margin: 0; padding: 0.5rem 1rem; border-left: 4px solid #0b5394; background: #ffffff; white-space: pre-wrap; }
.thread { list-style: none; margin: 0 0 1rem; padding: 0; }
.thread-message { margin: 0 0 1rem; }
.thread-body { margin: 0; padding: 0.5rem 1rem; border-left: 4px solid #0b5394; background: #ffffff; white-space: pre-wrap; overflow-wrap: anywhere; }
.thread-message--school .thread-body { border-left-color: #38761d; }
[hidden] { display: none !important; }

/* Paper: the content only (no menu, language switch, forms or buttons), black on white. */
.list-search .field { max-width: 28rem; }
.list-count { margin: 0 0 0.5rem; }
.pager ul { list-style: none; padding: 0; margin: 0.75rem 0 1.5rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; }
.pager a { display: inline-block; padding: 0.5rem 0; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { background: #ffffff; color: #000000; font-size: 10pt; }
  .site-header .account, .main-nav, .skip-link, form, .actions, .action-grid, .button,
  .implicit-submit, [data-auto-refresh] a { display: none !important; }
  .site-header { background: none; color: #000000; border-bottom: 1px solid #000000; }
  .site-header a { color: #000000; text-decoration: none; }
  .panel, .body-card, .table-wrap { border: 1px solid #999999; box-shadow: none; break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: #000000; }
}
`;
