/**
 * The web app's one script: enhancement only. Every page works without it (forms post and
 * redirect); with it, destructive actions ask for confirmation, a submit button shows that the
 * request is under way and cannot be pressed twice, focus moves to a form's error summary, and
 * a long list of checkboxes gets buttons to tick or untick them all.
 */
export const APP_JS = `(function () {
  'use strict';
  var busyText = document.body.getAttribute('data-busy-text') || '…';

  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
  // A step that needs the reader's attention (the vote to review) takes the focus.
  var focusTarget = document.querySelector('[data-focus-on-load]');
  if (!summary && focusTarget) focusTarget.focus();

  // A page waiting for the cycle (a round being opened) reloads itself a while, unless the
  // reader is typing; without script it has a "Nu vernieuwen" link.
  var refreshKey = 'jc-auto-refresh:' + location.pathname;
  if (document.querySelector('[data-auto-refresh]')) {
    var reloads = Number(window.sessionStorage.getItem(refreshKey) || '0');
    if (reloads < 30) {
      window.setTimeout(function () {
        var active = document.activeElement;
        if (active && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)) return;
        window.sessionStorage.setItem(refreshKey, String(reloads + 1));
        window.location.reload();
      }, 2000);
    }
  } else {
    window.sessionStorage.removeItem(refreshKey);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.getAttribute('data-submitting') === 'true') {
      event.preventDefault();
      return;
    }
    // The pressed button's own question (e.g. "Accepteren?"), else the form's.
    var question =
      (event.submitter && event.submitter.getAttribute('data-confirm')) ||
      form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitting', 'true');
    var button = event.submitter || form.querySelector('button[type="submit"]');
    if (button) {
      // aria-disabled rather than disabled: a disabled button's name/value would not be posted.
      button.setAttribute('aria-disabled', 'true');
      button.setAttribute('data-label', button.textContent);
      button.textContent = busyText;
    }
  });

  // Back/forward cache: a page restored after submitting must be usable again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submitting]').forEach(function (form) {
      form.removeAttribute('data-submitting');
      form.querySelectorAll('button[data-label]').forEach(function (button) {
        button.textContent = button.getAttribute('data-label');
        button.removeAttribute('data-label');
        button.removeAttribute('aria-disabled');
      });
    });
  });

  // Tick or untick every box of a long list (e.g. the schools of a cycle) at once.
  document.querySelectorAll('[data-check-bulk]').forEach(function (bar) {
    var fieldset = bar.closest('fieldset');
    if (!fieldset) return;
    bar.hidden = false;
    bar.querySelectorAll('button[data-check]').forEach(function (button) {
      button.addEventListener('click', function () {
        var on = button.getAttribute('data-check') === 'all';
        fieldset.querySelectorAll('input[type="checkbox"]').forEach(function (box) {
          box.checked = on;
        });
      });
    });
  });

  document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    var input = document.getElementById(button.getAttribute('data-copy-target'));
    var status = document.getElementById(button.getAttribute('data-copy-status'));
    if (!input || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(input.value).then(function () {
        if (status) status.textContent = button.getAttribute('data-copied') || '';
      });
    });
  });
})();
`;
