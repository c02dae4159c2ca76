// @ts-check
// The report preview's script (runs in the webview, loaded with the page's nonce). It receives
// rendered, sanitised HTML from the extension, keeps the last good rendering when the source
// cannot be rendered, syncs scrolling both ways through data-line attributes, and reports
// clicks on cells so the editor can put its cursor there.
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('xxgk-root'));
  const status = /** @type {HTMLElement} */ (document.getElementById('xxgk-status'));
  const errorBox = /** @type {HTMLElement} */ (document.getElementById('xxgk-error'));
  const loose = /** @type {HTMLElement} */ (document.getElementById('xxgk-loose'));
  const printButton = /** @type {HTMLButtonElement} */ (document.getElementById('xxgk-print'));
  const state = vscode.getState() || {};
  let locale = 'zh';

  // ---- print look -------------------------------------------------------------------------
  function setPrintLook(on) {
    document.body.classList.toggle('print-look', on);
    printButton.setAttribute('aria-pressed', on ? 'true' : 'false');
    state.printLook = on;
    vscode.setState(state);
  }
  setPrintLook(typeof state.printLook === 'boolean' ? state.printLook : document.body.dataset.printLook === '1');
  printButton.addEventListener('click', () => {
    const on = !document.body.classList.contains('print-look');
    // the page reflows: keep the same source line on top
    const line = topLine();
    setPrintLook(on);
    if (line !== undefined) scrollToLine(line, true);
    vscode.postMessage({ type: 'printLook', on });
  });

  // ---- rendering ----------------------------------------------------------------------------
  function text(zh, en) {
    return locale === 'en' ? en : zh;
  }

  function showStatus(counts) {
    const parts = [];
    if (counts.errors)
      parts.push(text(`${counts.errors} 个错误`, `${counts.errors} error${counts.errors === 1 ? '' : 's'}`));
    if (counts.warnings)
      parts.push(text(`${counts.warnings} 个警告`, `${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`));
    status.textContent = parts.length ? parts.join(' · ') : text('未发现问题', 'No problems');
    status.className = counts.errors ? 'has-errors' : counts.warnings ? 'has-warnings' : 'clean';
  }

  function showLoose(marks) {
    loose.textContent = '';
    for (const m of marks || []) {
      const li = document.createElement('li');
      li.className = `diag-${m.severity}`;
      li.textContent = `${m.message} [${m.rule}]`;
      loose.appendChild(li);
    }
    loose.hidden = !marks || marks.length === 0;
  }

  function update(msg) {
    locale = msg.locale || locale;
    const line = topLine();
    // the HTML is rendered and sanitised by the extension; the page's CSP forbids script in it too
    root.innerHTML = msg.html;
    errorBox.hidden = true;
    errorBox.textContent = '';
    showStatus(msg.counts);
    showLoose(msg.loose);
    if (line !== undefined && !pendingScroll) scrollToLine(line, true);
    if (pendingScroll !== undefined) {
      scrollToLine(pendingScroll, true);
      pendingScroll = undefined;
    }
  }

  function showError(msg) {
    locale = msg.locale || locale;
    errorBox.textContent =
      text(
        '预览未能更新，显示的是上一次的结果：',
        'The preview could not be updated; showing the last good rendering: ',
      ) + msg.message;
    errorBox.hidden = false;
  }

  // ---- scroll sync --------------------------------------------------------------------------
  /** Elements that map to source lines, in document order. */
  function anchors() {
    return /** @type {HTMLElement[]} */ (Array.from(root.querySelectorAll('.xxgk-doc > [data-line], tr[data-line]')));
  }
  function top(el) {
    return el.getBoundingClientRect().top + window.scrollY;
  }
  /** the sticky toolbar covers the top of the view */
  function margin() {
    return (document.getElementById('xxgk-bar')?.offsetHeight || 0) + 6;
  }

  let ignoreScrollUntil = 0;
  let pendingScroll;

  function scrollToLine(line, quiet) {
    const els = anchors();
    if (els.length === 0) {
      pendingScroll = line;
      return;
    }
    let prev;
    let next;
    for (const el of els) {
      const l = Number(el.dataset.line);
      if (l <= line) prev = el;
      else {
        next = el;
        break;
      }
    }
    let y;
    if (!prev) y = 0;
    else {
      const pl = Number(prev.dataset.line);
      const end = Number(prev.dataset.endLine || pl);
      if (line <= end && end > pl) {
        y = top(prev) + ((line - pl) / (end - pl + 1)) * prev.getBoundingClientRect().height;
      } else if (next) {
        const nl = Number(next.dataset.line);
        y = top(prev) + ((line - pl) / Math.max(1, nl - pl)) * (top(next) - top(prev));
      } else y = top(prev);
    }
    ignoreScrollUntil = Date.now() + (quiet ? 150 : 250);
    window.scrollTo(0, Math.max(0, y - margin()));
  }

  /** The source line at the top of the view, fractional between anchors. */
  function topLine() {
    const els = anchors();
    if (els.length === 0) return undefined;
    const y = window.scrollY + margin();
    let prev;
    let next;
    for (const el of els) {
      if (top(el) <= y) prev = el;
      else {
        next = el;
        break;
      }
    }
    if (!prev) return 0;
    const pl = Number(prev.dataset.line);
    if (!next) return pl;
    const nl = Number(next.dataset.line);
    const span = top(next) - top(prev);
    return span > 0 ? pl + ((y - top(prev)) / span) * (nl - pl) : pl;
  }

  let scrollTimer;
  window.addEventListener(
    'scroll',
    () => {
      if (Date.now() < ignoreScrollUntil) return;
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(() => {
        const line = topLine();
        if (line !== undefined) vscode.postMessage({ type: 'scroll', line });
      }, 30);
    },
    { passive: true },
  );

  // ---- click a cell: put the editor's cursor there --------------------------------------------
  root.addEventListener('click', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    if (target.closest('a')) return;
    const cell = /** @type {HTMLElement | null} */ (target.closest('[data-ch]'));
    if (!cell) return;
    vscode.postMessage({ type: 'reveal', line: Number(cell.dataset.line), character: Number(cell.dataset.ch) });
  });
  root.addEventListener('dblclick', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    if (target.closest('[data-ch]') || target.closest('a')) return;
    const block = /** @type {HTMLElement | null} */ (target.closest('[data-line]'));
    if (!block) return;
    vscode.postMessage({ type: 'reveal', line: Number(block.dataset.line), character: 0 });
  });

  // ---- messages from the extension ------------------------------------------------------------
  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'update') update(msg);
    else if (msg.type === 'error') showError(msg);
    else if (msg.type === 'scrollTo') scrollToLine(Number(msg.line), false);
  });

  vscode.postMessage({ type: 'ready' });
})();
