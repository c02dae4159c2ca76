/**
 * The preview's page and its updates, without the editor API (so they can be tested in a real
 * browser): the shell with its strict Content-Security-Policy, and the rendering of a source for
 * the preview (sanitised HTML with source lines and diagnostic marks).
 */
import type { Analysis } from '../engine/index';
import type { Severity } from '../engine/rule';
import { buildRenderModel, type RenderDocument } from './model';
import { escapeHtml, renderHtmlBody, REPORT_CSS } from './html';
import { MESSAGES, translator, type Locale, type MessageId } from '../messages';

export interface PreviewUpdate {
  type: 'update';
  html: string;
  counts: RenderDocument['counts'];
  loose: RenderDocument['loose'];
  locale: 'zh' | 'en';
  /** the page's own words in this locale (they follow a change of xxgk.locale) */
  strings: PreviewStrings;
}

/**
 * The words of the preview page's script (media/preview.js), from the message tables: the script
 * gets them as data, in the shell (`data-strings`) and with each update, and fills `{count}` itself.
 */
export const PREVIEW_STRINGS = [
  'preview.one-error',
  'preview.errors',
  'preview.one-warning',
  'preview.warnings',
  'preview.no-problems',
  'preview.fix',
  'preview.not-updated',
  'preview.quick-fixes',
  'preview.finding-fixes',
  'preview.no-fixes',
  'preview.show-in-source',
  'preview.cell-input',
] as const satisfies readonly MessageId[];
export type PreviewStrings = Record<(typeof PREVIEW_STRINGS)[number], string>;

/** The preview script's words in `locale`, placeholders left for the script. */
export function previewStrings(locale: Locale): PreviewStrings {
  return Object.fromEntries(PREVIEW_STRINGS.map((id) => [id, MESSAGES[locale][id]])) as PreviewStrings;
}

/**
 * Renders a report's source for the preview. Malformed input renders (with its diagnostics); only a
 * bug throws. `analysis`: the text's analysis already made (the language server's, cross-year
 * findings included), else the text is checked here.
 */
export function renderForPreview(
  text: string,
  locale: 'zh' | 'en' = 'zh',
  severities: Record<string, Severity | 'off'> = {},
  now?: Date,
  analysis?: Pick<Analysis, 'report' | 'diagnostics'>,
): PreviewUpdate {
  const model = buildRenderModel(text, { diagnostics: true, check: { locale, severities, now }, analysis });
  return {
    type: 'update',
    html: renderHtmlBody(model, { sourceMap: true, marks: true, locale }),
    counts: model.counts,
    loose: model.loose,
    locale,
    strings: previewStrings(locale),
  };
}

/** No inline script without the nonce, nothing loaded from outside the extension's media folder. */
export function previewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

export interface ShellOptions {
  /** the webview's resource origin (webview.cspSource) */
  cspSource: string;
  nonce: string;
  styleHref: string;
  scriptHref: string;
  printLook: boolean;
  title: string;
  /** the language of the page's own words (the server fills it from the document's settings) */
  locale?: Locale;
}

/** The preview's page. The report arrives later by message ('update'), rendered by the language server (xxgk/preview). */
export function previewShellHtml(o: ShellOptions): string {
  const t = translator(o.locale ?? 'zh');
  return `<!DOCTYPE html>
<html lang="${o.locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${previewCsp(o.cspSource, o.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${o.nonce}">${REPORT_CSS}</style>
<link rel="stylesheet" href="${escapeHtml(o.styleHref)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body class="xxgk theme-vscode${o.printLook ? ' print-look' : ''}" data-print-look="${o.printLook ? '1' : '0'}" data-strings="${escapeHtml(JSON.stringify(previewStrings(o.locale ?? 'zh')))}">
<div id="xxgk-bar" role="toolbar">
  <span id="xxgk-status" aria-live="polite"></span>
  <button id="xxgk-print" type="button" aria-pressed="${o.printLook ? 'true' : 'false'}" title="${escapeHtml(t('preview.print-look-title'))}">${escapeHtml(t('preview.print-look'))}</button>
</div>
<div id="xxgk-error" role="alert" hidden></div>
<ul id="xxgk-loose" hidden></ul>
<main class="xxgk-page" id="xxgk-root"><p class="xxgk-loading">${escapeHtml(t('preview.rendering'))}</p></main>
<script nonce="${o.nonce}" src="${escapeHtml(o.scriptHref)}"></script>
</body>
</html>`;
}
