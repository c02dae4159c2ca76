/**
 * The pages of `xxgk review`: index.html (one row per report, a chart of findings by rule) and one
 * page per report (the rendered report with every finding marked on its cell or heading). Every
 * page is self-contained: CSS inline, no remote loads, a Content-Security-Policy that allows only
 * the one inline script of the index (by its hash). Without scripts everything is readable; the
 * script only makes the table sortable.
 */
import { createHash } from 'node:crypto';
import { escapeHtml, REPORT_CSS } from '../../render/html';
import type { ReviewedReport, ReviewFinding, ReviewOutcome } from './entry';

const SEV_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '提示' };
const SEV_RANK: Record<string, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** The sorting script of the index, allowed by its hash in the page's CSP. */
const SORT_SCRIPT = `(function(){
var table=document.getElementById('reports');if(!table)return;
var heads=table.tHead.rows[0].cells;var body=table.tBodies[0];
function key(row,i){var c=row.cells[i];if(!c)return '';var v=c.getAttribute('data-sort');return v===null?c.textContent.trim():v;}
function sortBy(i,numeric,dir){var rows=Array.prototype.slice.call(body.rows);
rows.sort(function(a,b){var x=key(a,i),y=key(b,i);var r;
if(numeric){var nx=x===''?Infinity:Number(x),ny=y===''?Infinity:Number(y);r=nx===ny?0:nx<ny?-1:1;}else{r=x.localeCompare(y,'zh-CN');}
return dir==='ascending'?r:-r;});
rows.forEach(function(r){body.appendChild(r);});}
Array.prototype.forEach.call(heads,function(th,i){var b=document.createElement('button');b.type='button';b.className='sort';
while(th.firstChild)b.appendChild(th.firstChild);th.appendChild(b);
b.addEventListener('click',function(){var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});th.setAttribute('aria-sort',dir);
sortBy(i,th.getAttribute('data-type')==='number',dir);});});
document.body.classList.add('js');})();`;

function csp(scripts: string[]): string {
  const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${hashes.length ? hashes.join(' ') : "'none'"}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const REVIEW_CSS = `
body.review { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1b1b1b; background: #f4f5f7; }
.review header, .review main.list, .review nav.back, .review section.findings { max-width: 1280px; margin: 0 auto; padding: 12px 20px; }
.review h1 { font-size: 1.5rem; margin: 16px 0 4px; }
.review h2 { font-size: 1.15rem; margin: 20px 0 8px; }
.review .summary { color: #444; margin: 4px 0; }
.review table.grid { border-collapse: collapse; width: 100%; background: #fff; font-size: 0.92rem; }
.review table.grid th, .review table.grid td { border: 1px solid #d0d4da; padding: 5px 8px; text-align: left; vertical-align: top; }
.review table.grid thead th { background: #e8ebf0; white-space: nowrap; position: sticky; top: 0; }
.review table.grid td.num { text-align: right; font-variant-numeric: tabular-nums; }
.review #reports td:nth-child(2) { min-width: 13em; max-width: 18em; overflow-wrap: anywhere; }
.review #reports td:nth-child(3) { min-width: 9em; }
.review #reports td:nth-child(7) { white-space: nowrap; }
.review table.grid tbody tr:nth-child(even) { background: #fafbfc; }
.review .sort { font: inherit; font-weight: bold; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
.review th[aria-sort=ascending] .sort::after { content: " ▲"; }
.review th[aria-sort=descending] .sort::after { content: " ▼"; }
.review .late { color: #b00020; font-weight: bold; }
.review .ontime { color: #1b6e20; }
.review .err { color: #b00020; font-weight: bold; }
.review .warn { color: #8a5300; }
.review .zero { color: #888; }
.review tr.unreadable td { background: #fff0f0; }
.review .chart { background: #fff; border: 1px solid #d0d4da; padding: 8px; max-width: 100%; overflow-x: auto; }
.review .legend span { display: inline-block; margin-right: 16px; }
.review .sw { display: inline-block; width: 12px; height: 12px; vertical-align: middle; margin-right: 4px; }
.review ol.found { background: #fff; border: 1px solid #d0d4da; padding: 8px 8px 8px 40px; margin: 0; }
.review ol.found li { margin: 3px 0; }
.review .sev-error { color: #b00020; }
.review .sev-warning { color: #8a5300; }
.review .sev-info { color: #0d47a1; }
.review code { font-size: 0.9em; }
/* the marks of the preview: what a finding sits on is tinted and outlined, its message in the tooltip */
.xxgk-doc .diag { cursor: help; }
.xxgk-table .diag-error { background: var(--err-bg); box-shadow: inset 0 0 0 2px var(--err); }
.xxgk-table .diag-warning { background: var(--warn-bg); box-shadow: inset 0 0 0 2px var(--warn); }
.xxgk-table .diag-info { background: var(--info-bg); box-shadow: inset 0 0 0 1px var(--info); }
.xxgk-table.diag-error, .xxgk-table.diag-warning { outline: 2px dashed var(--err); outline-offset: 2px; }
.xxgk-doc > .diag-error { text-decoration: underline wavy var(--err); text-underline-offset: 4px; background: var(--err-bg); }
.xxgk-doc > .diag-warning { text-decoration: underline wavy var(--warn); text-underline-offset: 4px; background: var(--warn-bg); }
.xxgk-doc > .diag-info { text-decoration: underline dotted var(--info); text-underline-offset: 4px; }
`;

function page(title: string, body: string, scripts: string[] = [], extraCss = ''): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp(scripts)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="xxgk-report">
<title>${escapeHtml(title)}</title>
<style>
${extraCss}${REVIEW_CSS}
</style>
</head>
${body}
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}

/** The worst finding of a report: its first error, else its first warning, else its first note. */
export function worstFinding(r: ReviewedReport): ReviewFinding | undefined {
  let best: ReviewFinding | undefined;
  for (const f of r.findings) if (!best || SEV_RANK[f.severity] < SEV_RANK[best.severity]) best = f;
  return best;
}

export interface IndexEntry {
  outcome: ReviewOutcome;
  /** the report's page, relative to index.html */
  href?: string;
}

/** Findings by rule across the batch, most frequent first. */
export function findingsByRule(
  entries: IndexEntry[],
): { rule: string; error: number; warning: number; info: number }[] {
  const by = new Map<string, { rule: string; error: number; warning: number; info: number }>();
  for (const e of entries) {
    if (!e.outcome.ok) continue;
    for (const f of e.outcome.findings) {
      const r = by.get(f.rule) ?? { rule: f.rule, error: 0, warning: 0, info: 0 };
      if (f.severity === 'error') r.error++;
      else if (f.severity === 'warning') r.warning++;
      else r.info++;
      by.set(f.rule, r);
    }
  }
  return [...by.values()].sort(
    (a, b) => b.error + b.warning + b.info - (a.error + a.warning + a.info) || a.rule.localeCompare(b.rule),
  );
}

const COLORS = { error: '#c62828', warning: '#ef9f00', info: '#1e88e5' };

/** A horizontal bar chart of findings by rule, stacked by severity: inline SVG, no script. */
export function chartSvg(rows: ReturnType<typeof findingsByRule>): string {
  if (rows.length === 0) return '<p class="summary">没有发现问题。(No findings.)</p>';
  const barH = 14;
  const gap = 5;
  const labelW = 190;
  const plotW = 560;
  const max = Math.max(...rows.map((r) => r.error + r.warning + r.info));
  const h = rows.length * (barH + gap) + gap;
  const w = labelW + plotW + 60;
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const y = gap + i * (barH + gap);
    const total = r.error + r.warning + r.info;
    parts.push(
      `<text x="${labelW - 8}" y="${y + barH - 3}" text-anchor="end" font-size="12" font-family="monospace">${escapeHtml(r.rule)}</text>`,
    );
    let x = labelW;
    for (const sev of ['error', 'warning', 'info'] as const) {
      const n = r[sev];
      if (!n) continue;
      const bw = Math.max(1, (n / max) * plotW);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${bw.toFixed(1)}" height="${barH}" fill="${COLORS[sev]}"><title>${escapeHtml(`${r.rule}：${SEV_ZH[sev]} ${n}`)}</title></rect>`,
      );
      x += bw;
    }
    parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + barH - 3}" font-size="12">${total}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title id="chart-title">各规则的问题数 (findings by rule)</title>${parts.join('')}</svg>`;
}

function cell(text: string, attrs = ''): string {
  return `<td${attrs}>${text}</td>`;
}

function rowHtml(e: IndexEntry, i: number): string {
  const o = e.outcome;
  const file = escapeHtml(o.path);
  if (!o.ok) {
    return `<tr class="unreadable">${cell(String(i + 1), ' class="num"')}${cell(file)}<td colspan="9" data-sort="">无法读取 (unreadable)：${escapeHtml(o.reason)}</td></tr>`;
  }
  const w = worstFinding(o);
  const link = e.href ? `<a href="${escapeHtml(e.href)}">${file}</a>` : file;
  const onTime =
    o.onTime === undefined
      ? cell('—', ' data-sort="2"')
      : o.onTime
        ? cell(`<span class="ontime">按时</span>`, ` data-sort="0" title="期限 ${o.due}"`)
        : cell(`<span class="late">逾期</span>`, ` data-sort="1" title="期限 ${o.due}"`);
  return `<tr>${[
    cell(String(i + 1), ' class="num"'),
    cell(link, ` data-sort="${escapeHtml(o.path)}"`),
    cell(escapeHtml(o.agency ?? '—')),
    cell(o.year !== undefined ? String(o.year) : '—', ` class="num" data-sort="${o.year ?? ''}"`),
    cell(o.kind),
    cell(o.format),
    cell(escapeHtml(o.published ?? '—'), ` data-sort="${o.published ?? ''}"`),
    onTime,
    cell(
      `<span class="${o.counts.errors ? 'err' : 'zero'}">${o.counts.errors}</span>`,
      ` class="num" data-sort="${o.counts.errors}"`,
    ),
    cell(
      `<span class="${o.counts.warnings ? 'warn' : 'zero'}">${o.counts.warnings}</span>`,
      ` class="num" data-sort="${o.counts.warnings}"`,
    ),
    cell(
      w
        ? `<span class="sev-${w.severity}">${SEV_ZH[w.severity]}</span> <code>${escapeHtml(w.rule)}</code> ${escapeHtml(w.message)}（第 ${w.line} 行）`
        : '—',
      ` data-sort="${w ? `${SEV_RANK[w.severity]}${w.rule}` : '9'}"`,
    ),
  ].join('')}</tr>`;
}

/** index.html of a review. */
export function indexHtml(entries: IndexEntry[], generated: string): string {
  const ok = entries.filter((e) => e.outcome.ok).map((e) => e.outcome as ReviewedReport);
  const bad = entries.length - ok.length;
  const errors = ok.reduce((n, r) => n + r.counts.errors, 0);
  const warnings = ok.reduce((n, r) => n + r.counts.warnings, 0);
  const withErrors = ok.filter((r) => r.counts.errors > 0).length;
  const late = ok.filter((r) => r.onTime === false).length;
  const heads: [string, string][] = [
    ['#', 'number'],
    ['文件', 'text'],
    ['机关', 'text'],
    ['年度', 'number'],
    ['类型', 'text'],
    ['格式', 'text'],
    ['发布日期', 'text'],
    ['按时发布', 'number'],
    ['错误', 'number'],
    ['警告', 'number'],
    ['最严重的问题', 'text'],
  ];
  const body = `<body class="review">
<header>
<h1>政府信息公开工作年度报告审查汇总</h1>
<p class="summary">共 ${entries.length} 份报告：${ok.length} 份已检查${bad ? `，<span class="err">${bad} 份无法读取</span>` : ''}；${withErrors} 份有错误；错误 ${errors} 个，警告 ${warnings} 个；逾期发布 ${late} 份。生成于 ${escapeHtml(generated)}。</p>
<p class="summary">按时发布：部门为次年1月31日前，人民政府为次年3月31日前（《政府信息公开条例》第四十九条）。点击表头可排序；点击文件名查看该报告及每个问题所在位置。</p>
</header>
<main class="list">
<h2>报告一览</h2>
<table class="grid" id="reports">
<thead><tr>${heads.map(([h, t]) => `<th scope="col" data-type="${t}">${h}</th>`).join('')}</tr></thead>
<tbody>
${entries.map(rowHtml).join('\n')}
</tbody>
</table>
<h2>各规则的问题数</h2>
<div class="chart">${chartSvg(findingsByRule(entries))}</div>
<p class="legend"><span><i class="sw" style="background:${COLORS.error}"></i>错误</span><span><i class="sw" style="background:${COLORS.warning}"></i>警告</span><span><i class="sw" style="background:${COLORS.info}"></i>提示</span></p>
</main>`;
  return page('年度报告审查汇总', body, [SORT_SCRIPT]);
}

function findingsList(r: ReviewedReport): string {
  if (r.findings.length === 0) return '<p class="summary">没有发现问题。</p>';
  return `<ol class="found">${r.findings
    .map(
      (f) =>
        `<li><span class="sev-${f.severity}">${SEV_ZH[f.severity]}</span> 第 ${f.line} 行 <code>${escapeHtml(f.rule)}</code>：${escapeHtml(f.message)}</li>`,
    )
    .join('')}</ol>`;
}

/** The page of one report: who and when, its findings as a list, then the report with each finding marked. */
export function reportPageHtml(r: ReviewedReport, indexHref: string): string {
  const body = `<body class="review xxgk theme-print">
<nav class="back"><a href="${escapeHtml(indexHref)}">← 返回汇总 (back to the index)</a></nav>
<section class="findings">
<h1>${escapeHtml(r.title)}</h1>
<p class="summary">文件 <code>${escapeHtml(r.path)}</code>${r.imported ? '（由导入器读入）' : ''}；机关 ${escapeHtml(r.agency ?? '—')}；年度 ${r.year ?? '—'}；类型 ${r.kind}；格式 ${r.format}；发布日期 ${escapeHtml(r.published ?? '—')}${r.onTime === undefined ? '' : r.onTime ? '（按时）' : `（<span class="late">逾期，期限 ${r.due}</span>）`}。</p>
<p class="summary">错误 ${r.counts.errors} 个，警告 ${r.counts.warnings} 个，提示 ${r.counts.infos} 个。下文中有问题的单元格和标题已标出，鼠标悬停可看说明。</p>
<h2>问题清单</h2>
${findingsList(r)}
</section>
<main class="xxgk-page">
${r.body}
</main>`;
  return page(r.title, body, [], REPORT_CSS);
}
