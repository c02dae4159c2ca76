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
  /** the page's words in the report's locale: from the shell, then from each update (server/src/render/webview.ts) */
  let strings = JSON.parse(document.body.dataset.strings || '{}');

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
  /** The page's word `id`, `{name}` placeholders filled from `params`. */
  function text(id, params) {
    const s = String(strings[id] ?? id);
    return params
      ? s.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name) => (name in params ? String(params[name]) : whole))
      : s;
  }
  /** `1 error` / `{count} errors`, as the message table words each. */
  function count(n, one, many) {
    return n === 1 ? text(one) : text(many, { count: n });
  }

  function showStatus(counts) {
    const parts = [];
    if (counts.errors) parts.push(count(counts.errors, 'preview.one-error', 'preview.errors'));
    if (counts.warnings) parts.push(count(counts.warnings, 'preview.one-warning', 'preview.warnings'));
    status.textContent = parts.length ? parts.join(' · ') : text('preview.no-problems');
    status.className = counts.errors ? 'has-errors' : counts.warnings ? 'has-warnings' : 'clean';
  }

  function showLoose(marks) {
    loose.textContent = '';
    for (const m of marks || []) {
      const li = document.createElement('li');
      li.className = `diag-${m.severity}`;
      li.textContent = `${m.message} [${m.rule}]`;
      if (typeof m.line === 'number') {
        // a missing table or section: its fix (insert it) is one button away
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'xxgk-loose-fix';
        b.textContent = text('preview.fix');
        b.title = `${m.message} [${m.rule}]`;
        b.classList.add('diag');
        b.dataset.line = String(m.line);
        b.addEventListener('click', () => editing.showFor(b));
        li.appendChild(b);
      }
      loose.appendChild(li);
    }
    loose.hidden = !marks || marks.length === 0;
  }

  function update(msg) {
    strings = msg.strings || strings;
    const line = topLine();
    const keep = editing.before();
    // the HTML is rendered and sanitised by the extension; the page's CSP forbids script in it too
    root.innerHTML = msg.html;
    editing.after(keep, msg.version);
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
    errorBox.textContent = text('preview.not-updated') + msg.message;
    errorBox.hidden = false;
  }

  // ---- editing the figures in place ----------------------------------------------------------
  // Every figure of an official table carries its source range (data-line, data-ch, data-end-ch,
  // data-edit). Focus one (click, Tab / Shift+Tab, arrow keys), type a number or press Enter / F2,
  // then Enter applies it (Escape cancels): the extension writes it into the Markdown as an
  // ordinary edit of the text document, so the text editor's undo takes it back. A cell or a block
  // with a finding shows its messages under it, with the editor's quick fixes for it as buttons.
  const editing = (function () {
    /** the document version the page shows; an edit of an older rendering is refused */
    let version;
    /** @type {HTMLInputElement | undefined} */
    let input;
    /** @type {HTMLElement | undefined} */
    let inputCell;
    let original = '';
    let committing = false;
    let requestId = 0;
    /** @type {HTMLElement | undefined} */
    let infoFor;
    const info = document.createElement('div');
    info.id = 'xxgk-cellinfo';
    info.setAttribute('role', 'region');
    info.setAttribute('aria-live', 'polite');
    info.hidden = true;
    document.body.appendChild(info);

    /** Keyboard stops, in document order: the figures, and whatever carries a finding. */
    function stops() {
      return /** @type {HTMLElement[]} */ (
        Array.from(root.querySelectorAll('[data-edit], .diag[data-line]')).filter(
          (el) => !el.closest('[data-edit]') || el.hasAttribute('data-edit'),
        )
      );
    }
    function isCell(el) {
      return !!el && el.hasAttribute('data-edit');
    }
    function placeOf(el) {
      return { index: stops().indexOf(el), line: el.dataset.line, ch: el.dataset.ch, tag: el.tagName };
    }
    function findPlace(p) {
      const all = stops();
      const at = all[p.index];
      if (at && at.dataset.line === p.line && at.tagName === p.tag) return at;
      const same = all.find((el) => el.dataset.line === p.line && el.dataset.ch === p.ch && el.tagName === p.tag);
      return same || all[Math.min(Math.max(0, p.index), all.length - 1)];
    }
    function setRoving(el) {
      for (const o of root.querySelectorAll('[tabindex="0"]')) if (o !== el) o.setAttribute('tabindex', '-1');
      if (el) el.setAttribute('tabindex', '0');
    }

    function focusStop(el) {
      if (!el) return;
      setRoving(el);
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      showInfo(el);
    }

    /** The messages of a finding and, once the extension answers, its quick fixes. */
    function showInfo(el) {
      const titled = el.classList.contains('diag') && el.getAttribute('title');
      if (!titled) {
        hideInfo();
        return;
      }
      infoFor = el;
      info.textContent = '';
      const list = document.createElement('ul');
      for (const m of String(el.getAttribute('title')).split('\n')) {
        const li = document.createElement('li');
        li.textContent = m;
        list.appendChild(li);
      }
      info.appendChild(list);
      const fixes = document.createElement('div');
      fixes.className = 'xxgk-fixes';
      fixes.setAttribute('role', 'group');
      fixes.setAttribute('aria-label', text('preview.quick-fixes'));
      fixes.textContent = text('preview.finding-fixes');
      info.appendChild(fixes);
      info.hidden = false;
      el.setAttribute('aria-describedby', 'xxgk-cellinfo');
      place(el);
      const id = ++requestId;
      info.dataset.request = String(id);
      const cell = isCell(el);
      const line = Number(el.dataset.line);
      vscode.postMessage({
        type: 'actions',
        id,
        line,
        character: cell ? Number(el.dataset.ch) : 0,
        endLine: cell ? line : Number(el.dataset.endLine || line),
        endCharacter: cell ? Number(el.dataset.endCh) : 100000,
      });
    }
    function place(el) {
      const r = el.getBoundingClientRect();
      info.style.top = `${r.bottom + window.scrollY + 4}px`;
      info.style.left = `${Math.max(4, Math.min(r.left + window.scrollX, window.innerWidth - info.offsetWidth - 8))}px`;
    }
    function hideInfo() {
      if (infoFor) infoFor.removeAttribute('aria-describedby');
      infoFor = undefined;
      info.hidden = true;
      info.textContent = '';
    }
    function showActions(msg) {
      if (String(msg.id) !== info.dataset.request || !infoFor) return;
      const fixes = info.querySelector('.xxgk-fixes');
      if (!fixes) return;
      fixes.textContent = '';
      const actions = Array.isArray(msg.actions) ? msg.actions : [];
      if (actions.length === 0) fixes.textContent = text('preview.no-fixes');
      actions.forEach((a, i) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = a.title;
        if (a.preferred) b.classList.add('preferred');
        b.addEventListener('click', () => vscode.postMessage({ type: 'applyAction', id: msg.id, index: i }));
        fixes.appendChild(b);
      });
      const go = document.createElement('button');
      go.type = 'button';
      go.className = 'secondary';
      go.textContent = text('preview.show-in-source');
      const target = infoFor;
      go.addEventListener('click', () =>
        vscode.postMessage({
          type: 'reveal',
          line: Number(target.dataset.line),
          character: Number(target.dataset.ch || 0),
        }),
      );
      fixes.appendChild(go);
      if (infoFor) place(infoFor);
    }

    // ---- the input --------------------------------------------------------------------------
    function cellText(el) {
      return (el.textContent || '').trim();
    }
    function startEdit(el, initial) {
      if (!isCell(el)) return;
      if (input) closeInput();
      original = cellText(el);
      inputCell = el;
      setRoving(el);
      const box = document.createElement('input');
      box.type = 'text';
      box.className = 'xxgk-cell-input';
      box.inputMode = 'numeric';
      box.setAttribute('aria-label', text('preview.cell-input'));
      box.value = initial === undefined ? original : initial;
      el.textContent = '';
      el.appendChild(box);
      el.classList.add('editing');
      input = box;
      box.focus();
      if (initial === undefined) box.select();
      else box.setSelectionRange(box.value.length, box.value.length);
      box.addEventListener('keydown', onInputKey);
      box.addEventListener('blur', () => {
        if (input === box && !committing) commit(false);
      });
    }
    function closeInput(restore = true) {
      const el = inputCell;
      const box = input;
      input = undefined;
      inputCell = undefined;
      if (el && box && box.parentElement === el) {
        el.removeChild(box);
        el.classList.remove('editing');
        if (restore) el.textContent = original;
      }
    }
    /** Applies the typed value; `then` moves the focus afterwards (a function of the cell). */
    function commit(refocus, then) {
      const el = inputCell;
      const box = input;
      if (!el || !box) return;
      committing = true;
      const value = box.value.replace(/[\r\n]+/g, ' ').trim();
      const changed = value !== original;
      closeInput(!changed);
      committing = false;
      if (changed) {
        el.textContent = value;
        el.classList.add('pending');
        vscode.postMessage({
          type: 'editCell',
          version,
          line: Number(el.dataset.line),
          character: Number(el.dataset.ch),
          endCharacter: Number(el.dataset.endCh),
          value,
        });
      }
      const next = then ? then(el) : el;
      if (refocus && next) focusStop(next);
    }
    function onInputKey(e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        commit(true);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        const el = inputCell;
        closeInput(true);
        if (el) focusStop(el);
      } else if (e.key === 'Tab') {
        e.preventDefault();
        commit(true, (el) => neighbour(el, e.shiftKey ? -1 : 1));
      } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
        e.preventDefault();
        commit(true, (el) => nearest(el, e.key) || el);
      }
    }

    // ---- moving between cells ---------------------------------------------------------------
    function neighbour(el, step) {
      const all = stops();
      const i = all.indexOf(el);
      return all[i + step];
    }
    /** The figure next to `el` in the direction of an arrow key, in the same table. */
    function nearest(el, key) {
      const table = el.closest('table');
      if (!table) return undefined;
      const r = el.getBoundingClientRect();
      const cx = (r.left + r.right) / 2;
      const cy = (r.top + r.bottom) / 2;
      let best;
      let bestScore = Infinity;
      for (const o of /** @type {HTMLElement[]} */ (Array.from(table.querySelectorAll('[data-edit]')))) {
        if (o === el) continue;
        const q = o.getBoundingClientRect();
        const ox = (q.left + q.right) / 2;
        const oy = (q.top + q.bottom) / 2;
        let along;
        if (key === 'ArrowRight') along = ox - cx;
        else if (key === 'ArrowLeft') along = cx - ox;
        else if (key === 'ArrowDown') along = oy - cy;
        else along = cy - oy;
        const across = key === 'ArrowRight' || key === 'ArrowLeft' ? Math.abs(oy - cy) : Math.abs(ox - cx);
        if (along <= 1) continue;
        const score = along + across * 4;
        if (score < bestScore) {
          bestScore = score;
          best = o;
        }
      }
      return best;
    }

    root.addEventListener('keydown', (e) => {
      const el = /** @type {HTMLElement} */ (e.target);
      if (input && el === input) return;
      if (!el.matches || !el.matches('[data-edit], .diag[data-line]')) return;
      if (e.key === 'Tab') {
        const next = neighbour(el, e.shiftKey ? -1 : 1);
        if (next) {
          e.preventDefault();
          focusStop(next);
        }
        return;
      }
      if (e.key === 'Escape') {
        hideInfo();
        return;
      }
      if (!isCell(el)) {
        if (e.key === 'Enter') {
          const b = /** @type {HTMLElement | null} */ (info.querySelector('button'));
          if (b) {
            e.preventDefault();
            b.focus();
          }
        }
        return;
      }
      if (e.key.startsWith('Arrow')) {
        const next = nearest(el, e.key);
        e.preventDefault();
        if (next) focusStop(next);
      } else if (e.key === 'Enter' || e.key === 'F2') {
        e.preventDefault();
        startEdit(el);
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        startEdit(el, '');
      } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key !== ' ') {
        e.preventDefault();
        startEdit(el, e.key);
      }
    });
    root.addEventListener('dblclick', (e) => {
      const cell = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest('[data-edit]'));
      if (cell && !input) startEdit(cell);
    });
    // the panel's buttons: Escape goes back to the cell
    info.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && infoFor) {
        e.preventDefault();
        focusStop(infoFor);
      }
    });

    return {
      focusStop(el) {
        if (isCell(el) && input && inputCell === el) return;
        focusStop(el);
      },
      showActions,
      rejected(msg) {
        for (const el of root.querySelectorAll('.pending')) el.classList.remove('pending');
        info.hidden = false;
        info.textContent = msg.message;
      },
      /** Before a new rendering replaces the page: where the focus and the typing are. */
      before() {
        const active = /** @type {HTMLElement | null} */ (document.activeElement);
        const inRoot = !!active && root.contains(active);
        const el =
          input && inputCell ? inputCell : inRoot ? active.closest('[data-edit], .diag[data-line]') : undefined;
        const roving = /** @type {HTMLElement | null} */ (root.querySelector('[tabindex="0"]'));
        const at = el || roving;
        if (!at) return undefined;
        const keep = {
          place: placeOf(at),
          focused: inRoot,
          typing: input ? { value: input.value, original, caret: input.selectionStart } : undefined,
          info: !!infoFor && !info.hidden,
        };
        committing = true;
        if (input) closeInput(false);
        committing = false;
        return keep;
      },
      after(keep, v) {
        version = v;
        const all = stops();
        if (!keep) {
          setRoving(all[0]);
          hideInfo();
          return;
        }
        const el = findPlace(keep.place);
        setRoving(el);
        if (!el) {
          hideInfo();
          return;
        }
        if (keep.typing && isCell(el)) {
          startEdit(el, keep.typing.value);
          original = keep.typing.original;
          return;
        }
        if (keep.focused) el.focus({ preventScroll: true });
        if (keep.focused || keep.info) showInfo(el);
        else hideInfo();
      },
      /** the findings listed above the page: their fixes too */
      showFor(el) {
        showInfo(el);
      },
    };
  })();

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

  // ---- click a cell: put the editor's cursor there (a figure: edit it in place) -----------------
  root.addEventListener('click', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    if (target.closest('a') || target.closest('.xxgk-cell-input')) return;
    const stop = /** @type {HTMLElement | null} */ (target.closest('[data-edit], .diag[data-line]'));
    if (stop) {
      editing.focusStop(stop);
      // the editor follows to the cell, without taking the focus from the preview
      if (stop.dataset.ch !== undefined)
        vscode.postMessage({
          type: 'reveal',
          line: Number(stop.dataset.line),
          character: Number(stop.dataset.ch),
          preserveFocus: true,
        });
      return;
    }
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
    else if (msg.type === 'actions') editing.showActions(msg);
    else if (msg.type === 'editRejected') editing.rejected(msg);
  });

  vscode.postMessage({ type: 'ready' });
})();
