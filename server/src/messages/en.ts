/** The messages in English, by the ids of zh-CN.ts, with the same placeholders. */
import type { MessageTable } from './types';

export const en: MessageTable = {
  // what each rule checks: one line, shown in hovers, SARIF and the docs
  'balance.description': 'In a column, 一 + 二 differs from （七）总计 + 四',
  'carryover.description':
    '二、上年结转 differs from last year’s 四、结转下年度继续办理 (same body, adjacent years, same format)',
  'cell-empty.description': 'A number cell is empty or holds only a blank marker (—, /, 无, N/A)',
  'cell-invalid.description':
    'A cell is not a valid number: text, negative, or fractional where a count is required; full-width digits or thousands separators (warning)',
  'column-missing.description': 'A required column of a table is absent',
  'column-unknown.description': 'A header cell matches no column of its table',
  'deadline.description':
    '发布日期 is after the statutory deadline (31 January of the next year for a department, 31 March for a government; 条例 art. 49)',
  'fee-statement.description': '2021 format: 六 does not state the 信息处理费 collected (国办函〔2020〕109号)',
  'format-citation.description': 'The prose cites the notice of the other report format, not its own',
  'format-mismatch.description': 'A table of the other official format than the declared or inferred one',
  'front-matter.description': 'Front matter missing, unparsable, or a field of the wrong type or value',
  'government-accountability.description':
    'A government report does not state the results of 工作考核, 社会评议 and 责任追究 (条例 art. 50(4))',
  'internal.description': 'The checker itself failed (a rule, or the whole check, could not finish)',
  'label-variant.description': 'A table name, row label or header close to, but not exactly, the official text',
  'limits.description': 'The file is beyond the checker’s size limits: checked for structure only, or not at all',
  'narrative-number.description': 'A number in the prose contradicts the table figure it describes',
  'overview-topic.description': '2021 format: 一、总体情况 lacks one of its five topics',
  'period.description': 'The year of the title or of the stated statistics period differs from 年度',
  'row-missing.description': 'A required row of a table is absent',
  'row-order.description': 'Rows out of the official order, or a row repeated',
  'row-unknown.description': 'A row label matches nothing in its table',
  'rules-authority.description':
    'Non-zero 规章 figures for a body that cannot make 规章 (乡、镇、街道; a hint for county-level bodies and departments)',
  'section-empty.description':
    'A mandatory section has no content, or only a token where the form expects substance (一, 五)',
  'section-heading.description': 'Section numeral right but the words differ from the official heading',
  'section-missing.description': 'One of the six mandatory sections is absent',
  'section-order.description': 'Sections out of order (warning) or repeated (error)',
  'sum-results.description': 'In a column, （七）总计 differs from the sum of the 办理结果 items',
  'sum-review.description':
    'In the review and litigation table, a row’s 总计 differs from 维持 + 纠正 + 其他 + 尚未审结',
  'sum-row.description': 'A row’s 总计 differs from the sum of the six applicant columns',
  'table-missing.description': 'A required statistics table is absent',
  'table-unknown.description': 'A table in sections 二–四 matches no official table',
  'title.description': 'No H1, several H1s, or a title without the year or 政府信息公开工作年度报告',
  'valid-docs.description': '现行有效件数 differs from last year’s 现行有效 + 本年制发 − 本年废止',

  // common
  'common.list-separator': ', ',
  'common.and': ' and ',
  'common.clause-separator': '; ',
  'common.comma-separator': ', ',
  'common.or': ' or ',
  'common.one-day': '1 day',
  'common.days': '{count} days',

  // check
  'check.rule-failed': 'Rule {rule} failed on this file and was skipped: {reason}',
  'check.engine-failed': 'The checker failed on this file and checked nothing: {reason}',

  // carryover
  'carryover.previous-file': ' ({previousName})',
  'carryover.differs':
    '“二、上年结转 / {column}” is {value}, but the {prevYear} report{where} carried {last} over (“四、结转下年度继续办理 / {column}”)',
  'carryover.set-to-last-year': 'Set to last year’s {last}',

  // cell-empty
  'cell-empty.table': '{table} has no figures filled in; write 0 where nothing happened (a blank is not 0)',
  'cell-empty.fill-table': 'Fill the table with 0',
  'cell-empty.fill-columns': 'Fill in {names} (the values the sums imply, else 0)',
  'cell-empty.fill-row': 'Fill the row with 0',
  'cell-empty.fill-rows': 'Fill the {count} rows with 0',
  'cell-empty.write-implied': 'Write {value} (implied by the sums)',
  'cell-empty.write-zero': 'Write 0',
  'cell-empty.column':
    '{table}: the column {names} is not filled in; write 0 where nothing happened (a blank is not 0)',
  'cell-empty.columns':
    '{table}: the columns {names} are not filled in; write 0 where nothing happened (a blank is not 0)',
  'cell-empty.only-markers': ' (only blank markers)',
  'cell-empty.row': 'The row “{row}” is not filled in{markers}; write 0 where nothing happened',
  'cell-empty.rows':
    'The {count} rows from “{first}” to “{last}” are not filled in{markers}; write 0 where nothing happened',
  'cell-empty.state-marker': 'is “{written}”',
  'cell-empty.state-empty': 'is empty',
  'cell-empty.cell-implied':
    '“{cell}” {state}; the sums imply {value} (write 0 where nothing happened: a blank is not 0)',
  'cell-empty.cell': '“{cell}” {state}; write 0 where nothing happened (a blank is not 0)',

  // cell-invalid
  'cell-invalid.why-fullwidth': 'uses full-width digits',
  'cell-invalid.why-thousands': 'uses thousands separators',
  'cell-invalid.why-spaces': 'has spaces inside the number',
  'cell-invalid.why-unit': 'carries a unit after the number',
  'cell-invalid.write': '“{name}” {why}; write {normalized}',
  'cell-invalid.change': 'Change to {normalized}',
  'cell-invalid.negative': '“{name}” cannot be negative ({text})',
  'cell-invalid.not-whole': '“{name}” is a count and must be a whole number ({text})',
  'cell-invalid.not-number': '“{name}” must be a number, not “{text}”',

  // column-missing
  'column-missing.column': '{table} lacks the column {names}',
  'column-missing.columns': '{table} lacks the columns {names}',
  'column-missing.insert-column': 'Insert the column {names}',
  'column-missing.insert-columns': 'Insert the columns {names}',

  // column-unknown
  'column-unknown.variant': '{table} has no column “{text}”; this should be “{label}”',
  'column-unknown.change': 'Change to “{label}”',
  'column-unknown.unknown': '{table} has no column “{label}”; the official columns are {cols}',
  'column-unknown.empty-header': 'A header cell is empty; the official columns are {cols}',

  // deadline
  'deadline.late-department':
    'Published {published}, {days} after the statutory deadline of {due} (条例 art. 49: a department publishes the previous year’s report by 31 January)',
  'deadline.late-government':
    'Published {published}, {days} after the statutory deadline of {due} (条例 art. 49: a people’s government publishes the previous year’s report by 31 March)',

  // fee-statement
  'fee-statement.missing':
    '“{section}” does not state the information processing fees (信息处理费) collected under 国办函〔2020〕109号; state it even when none was collected',
  'fee-statement.insert':
    'Insert a statement on information processing fees (check the amount actually collected this year)',

  // format-citation
  'format-citation.other-notice':
    'Cites the notice of the {id} format ({notice}); this report uses the {id2} format ({notice2})',
  'format-citation.replace': 'Replace with “{notice}”',

  // format-mismatch
  'format-mismatch.tables-already': '; the tables already are in the {id} format',
  'format-mismatch.report':
    'A {year} report uses the {id} format ({notice}), not the {id2} format ({notice2}){tablesToo}',
  'format-mismatch.change': 'Change to {id}',
  'format-mismatch.table':
    '{table} is a table of the {id} format ({notice}); this report uses the {id2} format ({notice2})',
  'format-mismatch.convert': 'Convert to the {id} format',

  // front-matter
  'front-matter.missing':
    'Missing front matter (--- 机关, 年度, 格式, 类型 ---): the report year and table format cannot be determined',
  'front-matter.insert': 'Insert front matter',
  'front-matter.syntax': 'Front matter cannot be parsed: {message}',
  'front-matter.agency-missing': 'Front matter lacks 机关 (the reporting body)',
  'front-matter.agency-empty': '机关 (the name of the reporting body) must not be empty',
  'front-matter.year-missing': 'Front matter lacks 年度 (the report year)',
  'front-matter.year-invalid': '年度 must be a year between 2008 and {max}, such as 2024',
  'front-matter.format-invalid': '格式 must be {ids} ({notices})',
  'front-matter.kind-invalid': '类型 must be 部门 (department) or 政府 (government)',
  'front-matter.date-invalid': '发布日期 must be a date such as 2024-01-20',

  // government-accountability
  'government-accountability.missing':
    'A people’s government’s report must state the results of 工作考核, 社会评议 and 责任追究 (条例 art. 50(4)); this one does not state: {items}',
  'government-accountability.assessment': 'performance assessment (工作考核)',
  'government-accountability.evaluation': 'public evaluation (社会评议)',
  'government-accountability.accountability': 'accountability (责任追究)',

  // label-variant
  'label-variant.variant': 'Should read “{official}” (the official text), not “{written}”',
  'label-variant.change': 'Change to “{official}”',

  // limits
  'limits.chars': 'the document has {value} characters, above the limit of {limit}',
  'limits.lines': 'the document has {value} lines, above the limit of {limit}',
  'limits.nesting': 'line {line} nests about {value} levels of block quotes or lists, above the limit of {limit}',
  'limits.cells': 'the text holds {value} table pipes “|”, above the limit of {limit}',
  'limits.brackets': 'the text holds {value} brackets “[”, above the limit of {limit}',
  'limits.setext':
    '{value} lines of “===” or “---” directly under text (read as heading underlines), above the limit of {limit}',
  'limits.none':
    'This file was not checked: {reasons}. A report is usually under 50,000 characters; make sure this is a report, or split it.',
  'limits.dropped': ' (the first {read} headings only; {dropped} more were not read)',
  'limits.structural':
    'Only the structure was checked: {reasons}. Front matter, title and the six sections were checked{dropped} ({kept}); the checks of tables, cells, sums and prose (the other {skipped} rules) were skipped.',

  // narrative-number
  'narrative-number.figure-table': 'the figure in the table',
  'narrative-number.said.new': 'applications received',
  'narrative-number.said.carried': 'carried over from last year',
  'narrative-number.said.carryNext': 'carried over to next year',
  'narrative-number.said.open': 'disclosed',
  'narrative-number.said.partial': 'partly disclosed',
  'narrative-number.said.notOpen': 'not disclosed',
  'narrative-number.said.cannot': 'could not be provided',
  'narrative-number.said.notHandled': 'not processed',
  'narrative-number.said.otherHandling': 'otherwise handled',
  'narrative-number.said.handled': 'concluded',
  'narrative-number.said.review': 'administrative reconsiderations',
  'narrative-number.said.suits': 'administrative lawsuits',
  'narrative-number.said.suitDirect': 'lawsuits filed directly',
  'narrative-number.said.suitAfter': 'lawsuits after reconsideration',
  'narrative-number.said.made': 'issued',
  'narrative-number.said.repealed': 'repealed',
  'narrative-number.said.valid': 'in force',
  'narrative-number.said.license': 'administrative licensing decisions',
  'narrative-number.said.penalty': 'administrative penalty decisions',
  'narrative-number.said.coercion': 'administrative coercion decisions',
  'narrative-number.said-new': 'applications received (“{keyword}”)',
  'narrative-number.said-made': 'issued (“{keyword}”)',
  'narrative-number.said-rules': 'rules {said}',
  'narrative-number.said-normative': 'normative documents {said}',
  'narrative-number.contradicts': 'The text says {stated} {unit} of {what}, but {figure}',
  'narrative-number.table3-total': 'table 三 “{row}” totals {value}',
  'narrative-number.table3-total-with-carried':
    'table 三 “{row}” totals {value} ({alt} with the {carried} carried over)',
  'narrative-number.table3-is': 'table 三 “{row}” is {value}',
  'narrative-number.table3-items-total': 'the items of table 三 “{row}” total {value}',
  'narrative-number.table4-total': 'table 四 “{row}” totals {value}',
  'narrative-number.table4-suits':
    'table 四 counts {value} lawsuits ({direct} filed directly + {after} after reconsideration)',
  'narrative-number.table-cell': '{table} gives {value} for “{row}” / “{column}”',
  'narrative-number.table-fees': '{table} gives {value} 万元 of administrative fees',
  'narrative-number.said.fees': 'administrative fees',

  // overview-topic
  'overview-topic.missing-topic': '“一、总体情况” lacks the topic {names} (国办公开办函〔2021〕30号)',
  'overview-topic.missing-topics': '“一、总体情况” lacks the topics {names} (国办公开办函〔2021〕30号)',
  'overview-topic.insert-heading': 'Insert the sub-heading {names}',
  'overview-topic.insert-headings': 'Insert the sub-headings {names}',

  // period
  'period.title-year': "The title's year {value} differs from the report year (年度) {year}",
  'period.stated-period':
    'The stated statistics period is in {y}, but the report year (年度) is {year} (the period is 1 January to 31 December {year})',
  'period.report-year':
    'The report year (年度) {year} differs from the year {titleWrong} of the title and of the stated statistics period; should 年度 be {titleWrong}?',

  // row-missing
  'row-missing.row': '{table} lacks the row {names}',
  'row-missing.rows': '{table} lacks {count} rows: {names}',
  'row-missing.insert-row': 'Insert the row “{row}”',
  'row-missing.insert-rows': 'Insert the {count} missing rows',

  // row-order
  'row-order.repeated': '“{label}” appears twice in {table}',
  'row-order.out-of-order': '“{label}” should come before “{maxLabel}”',

  // row-unknown
  'row-unknown.note-under-table':
    '“{label}”, right under the table, is read as a row of {table}; leave a blank line between the table and its note',
  'row-unknown.insert-blank-line': 'Leave a blank line before this line',
  'row-unknown.variant': '{table} has no row “{label}”; this should be “{label2}”',
  'row-unknown.unknown': '{table} has no row “{label}”; use the official row label',
  'row-unknown.no-label': 'This row has no label',

  // rules-authority
  'rules-authority.basis':
    "only the people's governments of provinces, autonomous regions, municipalities, cities divided into districts and autonomous prefectures, and the State Council's ministries make 规章 (立法法)",
  'rules-authority.township':
    '“{agency}” is a township-level body (乡、镇、街道) and cannot make 规章, yet the 规章 row holds {text}: {basis}. Documents it issues belong in the 行政规范性文件 row',
  'rules-authority.county':
    '“{agency}” is a county-level body, which normally cannot make 规章; check the {text} in the 规章 row: {basis}',
  'rules-authority.department':
    '“{agency}” is a local government department, which cannot make 规章; check the {text} in the 规章 row (should it be under 行政规范性文件?): {basis}',

  // section-empty
  'section-empty.empty': 'Section “{section}” has no content',
  'section-empty.too-little':
    'Section “{section}” says only “{text}”; the official format expects a substantive account here',
  'section-empty.headings-only':
    'Section “{section}” has sub-headings but no text; the official format expects a substantive account here',

  // section-heading
  'section-heading.variant': 'The heading should read “{official}” as in the official format, not “{text}”',
  'section-heading.change': 'Change the heading to “{official}”',

  // section-missing
  'section-missing.plain-paragraphs': 'plain paragraphs',
  'section-missing.wrong-level':
    'Section headings are level-2 headings (## 一、总体情况); {n} of them are written as {ways} and so are not recognised as sections',
  'section-missing.fix-level': 'Make these {n} headings level 2',
  'section-missing.heading-before-table':
    'Missing the heading of section “{name}”: its table now stands under “{numeral}、{title}”',
  'section-missing.insert-heading': 'Insert the heading “{name}” before this table',
  'section-missing.missing-before': 'Missing section “{name}” (it goes before “{numeral}、{title}”)',
  'section-missing.missing-at-end': 'Missing section “{name}” (it goes at the end of the report)',
  'section-missing.insert': 'Insert “{name}”',

  // section-order
  'section-order.repeated': 'Section “{section}” appears more than once',
  'section-order.out-of-order': 'Section “{section}” should come before “{section2}”',

  // table-missing
  'table-missing.missing': 'Section “{section}” lacks the table {name}',
  'table-missing.insert': 'Insert an empty table {name}',

  // table-unknown
  'table-unknown.unrecognised':
    'This table is not recognised: the tables of “{section}” are the official {tables} (the first header cell names the table, the others the columns)',

  // title
  'title.missing': 'Missing the report title (an H1 such as “# ××2023年政府信息公开工作年度报告”)',
  'title.insert-title': 'Insert the title “{canonical}”',
  'title.several': 'A report has exactly one H1; make this a lower-level heading',
  'title.year': 'the year',
  'title.title-lacks': 'The title lacks {what}',
  'title.change-title': 'Change the title to “{canonical}”',

  // valid-docs
  'valid-docs.differs':
    '“{row} / 现行有效件数” is {value}; the {prevYear} report{where} had {last} in force, + {made} made − {repealed} repealed = {expected} (explain revisions, clean-ups or a change of scope in the text)',
  'valid-docs.made': '本年制发件数 (made this year)',
  'valid-docs.repealed': '本年废止件数 (repealed this year)',

  // arithmetic
  'arithmetic.rest-zero': 'the rest 0',
  'arithmetic.corroborated':
    '“{name}” is {actual}, but the sum gives {expected} ({how}); yet {actual} agrees with “{describe}”, so the mistake is more likely in the other figures (an application counted twice or left out): check them one by one',
  'arithmetic.stated-in-text':
    '“{name}” is {actual}, but the sum gives {expected} ({how}); yet the text also says {actual}, so the mistake is more likely in the other figures: check them one by one',
  'arithmetic.should-be': '“{name}” should be {expected} ({how}), but is {actual}',
  'arithmetic.also-set': '“{cell}” to {value}',
  'arithmetic.set': 'Set “{name}” to {expected}',
  'arithmetic.negative':
    'The sum does not balance: {sum}; “{name}” would have to be {expected}, and a count cannot be negative, so the mistake is in the other figures',
  'arithmetic.should-be-several':
    '“{name}” should be {expected} ({how}), but is {actual}; with {expected}, each of the {count} sums that include it would balance{unbalanced}',
  'arithmetic.now-unbalanced': ' (now unbalanced: {sums})',
  'arithmetic.set-with-others': 'Set “{name}” to {expected}, and {also}',

  // inlay-hints
  'inlay-hints.should': 'should be {v}',
  'inlay-hints.sums-should': 'By the sums, “{cell}” should be {v} (it is {actual})',

  // hover
  'hover.row-total': 'row total ({along})',
  'hover.results-total': 'results total ({along})',
  'hover.column-balance': 'column balance ({along}: 一 + 二 = （七）总计 + 四)',
  'hover.total': 'total ({along})',
  'hover.other-0': ' (the other {zeros} are 0)',
  'hover.not-checked': '(a cell is blank or unreadable: not checked)',
  'hover.official-heading': 'The official heading is “{official}”.',
  'hover.tables': 'Tables: {tables}',
  'hover.official-header': 'The official header is “{label}”.',
  'hover.delta': 'A change over the year; may be negative.',
  'hover.count': 'A count: a non-negative whole number.',
  'hover.official-label': 'The official label is “{label}”.',
  'hover.basis': 'Basis: {basis}',
  'hover.empty': '(empty)',
  'hover.row-column': '{table}: row “{row}”, column “{column}”',
  'hover.should-be-here': 'this cell should be {value}',
  'hover.should-be': '“{cell}” should be {value}',
  'hover.equation': '{name}: {lhs}; {rhs} {status}',
  'hover.topics': 'Topics the format expects: {topics} ({notice})',
  'hover.table': 'A table of {notice}: {columns} columns, {rows} rows.',
  'hover.money': 'An amount; decimals allowed.',
  'hover.money-units': 'An amount ({units}); decimals allowed.',
  'hover.group-row': 'A group row (a merged cell of the official form); it has no numbers of its own.',
  'hover.group-row-of':
    'A group row (a merged cell of the official form); it has no numbers of its own; it groups {rows}.',
  'hover.rule-link': '[Rule {rule}]({uri}): {description}',
  'hover.rule-link-bare': '[Rule {rule}]({uri})',

  // code-actions
  'code-actions.disable-line': 'Disable rule {rule} for this line',
  'code-actions.table': 'this table',
  'code-actions.list': 'this list',
  'code-actions.block': 'this block',
  'code-actions.disable-rule': 'Disable rule {rule} for {what}',
  'code-actions.fix-all': 'Fix all auto-fixable problems in this file',
  'code-actions.fix-all-source': 'Fix all auto-fixable problems (xxgk)',

  // completion
  'completion.from-title': 'from the title',
  'completion.published-early': 'report for {y}, published early {value}',
  'completion.deadline-department': 'a department: publish by 31 January',
  'completion.deadline-government': 'a people’s government: publish by 31 March',
  'completion.today': 'today',
  'completion.statutory-deadline': 'the statutory deadline (条例 art. 49)',
  'completion.report-title': 'report title',
  'completion.section-present': 'already present',
  'completion.section-missing': 'missing',
  'completion.topic-present': 'already present',
  'completion.expected-topic': 'a topic the 2021 format expects',
  'completion.column-present': 'already present',
  'completion.row-present': 'already present',
  'completion.group-row': 'group row (optional)',
  'completion.row-missing': 'missing',
  'completion.implied-sums': 'implied by the sums',
  'completion.table-present': 'already present in this section',
  'completion.insert-table': 'insert an empty official table',
  'completion.skeleton-label': 'Report skeleton ({year}, {id} format)',
  'completion.key.agency': 'The reporting body (required)',
  'completion.key.year': 'The report year, e.g. 2024 (required)',
  'completion.key.format': 'Table format: 2021 or 2019; follows 年度 when omitted',
  'completion.key.kind': '部门 (a department) or 政府 (a people’s government); default 部门',
  'completion.key.published':
    'Publication date, e.g. 2025-01-20 (deadline: 31 January for a department, 31 March for a government)',
  'completion.insert-whole-table': 'Insert the whole empty table: {table}',
  'completion.column-of': 'a column of {table}',
  'completion.table': 'Table: {table}',
  'completion.skeleton': 'title, six sections and empty tables ({notice})',
  'completion.skeleton-topics': 'title, six sections, five topics and empty tables ({notice})',
  'completion.format-years': '{notice}, for {from}–{to}',
  'completion.format-from': '{notice}, from {from}',

  // code-lens
  'code-lens.some-unchecked': 'Sums: the checked ones balance; {count} not checked (blank or unreadable cells)',
  'code-lens.balanced': 'Sums: all balanced ✓',
  'code-lens.one-problem': 'Sums: 1 problem',
  'code-lens.problems': 'Sums: {count} problems',

  // cli
  'cli.usage':
    'xxgk {version} — checker for 政府信息公开工作年度报告 written in the xxgk Markdown dialect\n\nUsage:\n  xxgk check <file|dir|glob>... [--format text|json|sarif] [--locale zh-CN|en] [--config <file>]\n  xxgk lsp --stdio\n{commands}\n  xxgk <command> --help    help on a command\n  xxgk --version | --help',
  'cli.usage-line': 'Usage: {usage}',
  'cli.help.check':
    'Usage: xxgk check <file|dir|glob>... [options]\n\nChecks reports and lists every problem found. Never writes a file.\nChecks *.xxgk.md, .md files whose front matter names 机关 or 年度, and published .pdf, .docx, .html and .txt files (imported in memory; findings name the original file, lines refer to the imported text, which --keep-imported writes out). Folders are walked; other files are skipped and counted.\n\nOptions:\n  -f, --format text|json|sarif   output format (default text)\n  --locale zh-CN|en              language of messages (default Chinese; also set by .xxgkrc.json or LANG)\n  -c, --config <file>            use this configuration file instead of the nearest .xxgkrc.json above each report\n  --keep-imported <dir>          write the imported text of .pdf, .docx, .html and .txt files into this folder\n  -h, --help                     show this help\n\nExit codes: 0 no error; 1 at least one error (or a file beyond the checking limits); 2 usage error, unreadable file, bad configuration file or no report found.',
  'cli.help.lsp':
    'Usage: xxgk lsp --stdio\n\nStarts the language server (LSP) over standard input and output, for editors other than VS Code.',
  'cli.help.render':
    'Usage: xxgk render <file> --to html|docx [-o out|-] [--theme print|auto]\n\nRenders the report in its published layout: HTML as one self-contained page, DOCX with the official merged tables.\nThe output goes next to the report; -o - writes HTML to standard output.\n\nOptions:\n  -t, --to html|docx      output format (required)\n  -o, --output <file>     output file\n  --theme print|auto      HTML colours: print is always light, auto follows the system (default print)\n  -h, --help              show this help',
  'cli.help.new':
    'Usage: xxgk new --from <last year’s report> [-o file|-] [--force]\n\nWrites next year’s draft from last year’s report: the year advanced, 二、上年结转 taken from last year’s 结转下年度继续办理, the other figures left to fill in.\nThe draft goes next to last year’s file, the year in its name advanced; an existing file is not overwritten without --force.\n\nOptions:\n  -f, --from <file>       last year’s report (required)\n  -o, --output <file>     output file; - for standard output\n  --force                 overwrite an existing file\n  -h, --help              show this help',
  'cli.help.import':
    'Usage: xxgk import <file|dir>... [-o out.xxgk.md|-|out-dir] [--agency name] [--year year] [--force] [--summary-json]\n\nImports published reports (.pdf, .docx, .html, .txt) into .xxgk.md: the tables read cell by cell against the official form, labels and figures kept as printed (the checker reports the publisher’s mistakes; import corrects nothing); the front matter (机关, 年度, 格式, 类型, 发布日期) inferred from the document, with its evidence.\nFolders are walked; one summary line per file (cells read, values not placed, fields inferred). A failing file does not stop the others; an existing file is not overwritten.\n\nOptions:\n  -o, --output <file|dir>   output file or folder (a folder when several files are imported); - for standard output\n  --agency <name>           the body, when the document does not say\n  --year <year>             the year, when the document does not say\n  --force                   overwrite existing files\n  --summary-json            the reading summary as JSON on standard output\n  -h, --help                show this help\n\nExit codes: 0 all imported completely; 1 some draft incomplete (cells not read); 2 a file failed or was not written.',
  'cli.help.review':
    'Usage: xxgk review <file|dir|glob>... -o <dir> [--force] [--locale zh-CN|en]\n\nReviews a batch of annual reports for the supervising office.\nInputs: .md reports (named .xxgk.md, 年度报告 or 年报, or with 机关 and 年度 in their front matter), and .docx, .html, .txt and .pdf files (imported in memory, nothing written); folders are walked.\nWrites into the output folder:\n  index.html      one row per report (body, year, type, form, publication date and whether it was on time, errors, warnings, the worst finding), sortable; a chart of findings by rule; a page per report (reports/) with each finding marked on its cell or heading\n  findings.csv    one row per finding (file, body, year, rule, severity, message, line), UTF-8 with a BOM for Excel\n  figures.xlsx    one sheet per official table, one row per report, one column per official cell, ready to total\n\nOptions:\n  -o, --output <dir>      output folder (must not exist or be empty, unless --force)\n  --force                 overwrite files already in the output folder\n  --locale zh-CN|en       language of the findings (Chinese by default)\n  -h, --help              show this help\n\nExit codes: 0 no error-severity finding; 1 at least one; 2 bad input (an unreadable file, no report found, an output folder that is not empty).',
  'cli.review.needs-files': 'review needs at least one file, folder or glob',
  'cli.review.needs-output': 'review needs the output folder: -o <dir>',
  'cli.review.not-directory': '{path}: not a directory',
  'cli.review.not-empty': '{path}: the output directory is not empty, nothing written; use --force to overwrite',
  'cli.review.unreadable': '{path}: unreadable: {reason}',
  'cli.review.summary':
    'reviewed {reports}{unreadable}: {errors}, {warnings}. Wrote {index}, findings.csv, figures.xlsx',
  'cli.review.one-report': '1 report',
  'cli.review.reports': '{count} reports',
  'cli.review.some-unreadable': ' ({count} unreadable)',
  'cli.option-needs-value': 'option {option} needs a value',
  'cli.unknown-option': 'unknown option {option}',
  'cli.unknown-command': 'unknown command {command}',
  'cli.unknown-format': 'unknown format {value} (use text, json or sarif)',
  'cli.unknown-locale': 'unknown locale {value} (use zh-CN or en)',
  'cli.check-needs-files': 'check needs at least one file, directory or glob',
  'cli.lsp-needs-stdio': 'lsp needs --stdio',
  'cli.not-found': '{path}: no such file or directory',
  'cli.cannot-read': '{path}: cannot read: {reason}',
  'cli.cannot-write': '{path}: cannot write: {reason}',
  'cli.exists': '{path}: already exists (use --force to overwrite, or -o to write elsewhere)',
  'cli.render.own-source': '{path}: this is the report itself; render never writes onto its source (choose another -o)',
  'cli.wrote-bytes': 'wrote {path} ({bytes} bytes)',
  'cli.wrote': 'wrote {path}',
  'cli.io.not-found': 'no such file or directory',
  'cli.io.no-directory': 'no such directory',
  'cli.io.permission': 'permission denied',
  'cli.io.is-directory': 'is a directory',
  'cli.io.not-directory': 'a part of the path is not a directory',
  'cli.io.no-space': 'no space left on the device',
  'cli.io.read-only': 'read-only file system',
  'cli.io.not-regular': 'not a regular file',
  'cli.io.too-large': 'file too large ({size} MB; reports are read up to {max} MB)',
  'cli.io.bad-utf16': 'not valid UTF-16 text despite its byte-order mark (save the report as UTF-8)',
  'cli.io.binary': 'binary file (contains NUL bytes), not a text report',
  'cli.io.gbk': 'not valid UTF-8 text: it looks like GBK/GB18030 (save the report as UTF-8)',
  'cli.io.not-utf8': 'not valid UTF-8 text (save the report as UTF-8)',
  'cli.summary': '{files} checked: {errors}, {warnings}, {infos}',
  'cli.one-file': '1 file',
  'cli.files': '{count} files',
  'cli.one-error': '1 error',
  'cli.errors': '{count} errors',
  'cli.one-warning': '1 warning',
  'cli.warnings': '{count} warnings',
  'cli.infos': '{count} info',
  'cli.render.needs-to': 'render needs --to html or --to docx',
  'cli.render.unknown-format': 'unknown output format {value} (use html or docx)',
  'cli.render.unknown-theme': 'unknown theme {value} (use print or auto)',
  'cli.render.needs-file': 'render needs the report file',
  'cli.render.one-file': 'render takes exactly one report file',
  'cli.render.docx-stdout': 'DOCX is binary: give an output file with -o',
  'cli.render.has-errors': 'note: {path} has {count} error(s) (run xxgk check {path}); rendered as written',
  'cli.new.needs-from': 'new needs last year’s report: xxgk new --from <file>',
  'cli.new.one-file': 'new takes one report (--from <file>)',
  'cli.new.wrote':
    'wrote the {agency} {year} draft ({format} format) to {path}; 二、上年结转: {cells} cell(s) carried from {source}',
  'cli.import.out-dir': '-o must name a folder when several files are imported',
  'cli.import.stdout-one': '-o - writes one file to standard output: import one file',
  'cli.import.needs-file': 'import needs the files or folders to import (.pdf, .docx, .html, .txt)',
  'cli.import.one-file': 'import takes exactly one file',
  'cli.import.bad-year': '--year needs a year such as 2023',
  'cli.import.bad-agency': '--agency needs the name of the body',
  'cli.import.nothing-found': 'no section or statistics table of a 政府信息公开工作年度报告 found; nothing written',
  'cli.import.summary': '{agency} {year}, {format} format: sections {sections}; table cells read {read}/{expected}',
  'cli.import.no-agency': '(no agency)',
  'cli.import.no-year': '(no year)',
  'cli.import.none': 'none',
  'cli.import.table': '{section} {name}: {read}',
  'cli.import.not-found': 'not found',
  'cli.import.unplaced': 'not placed ({where}): {label}: {values} — {why}',
  'cli.import.note': 'note: {note}',
  'cli.import.inferred': 'inferred {field} = {value} (from {evidence})',
  'cli.import.line': '{path} → {out}: cells {read}/{expected}, {unplaced} values not placed; inferred {inferred}',
  'cli.import.line-one': '{path} → {out}: cells {read}/{expected}, {unplaced} value not placed; inferred {inferred}',
  'cli.import.nothing-inferred': 'nothing',
  'cli.import.nothing-to-import': 'nothing to import in {paths} (looked for .pdf, .docx, .html, .txt)',
  'cli.import.already-dialect': 'already a report in the dialect: nothing to import',

  // new year's draft
  'new-year.beyond-limits':
    'last year’s report is beyond the checker’s limits (see docs/robustness.md): no draft can be made from it',
  'new-year.no-year': 'last year’s report has no valid 年度 in its front matter: the new year cannot be worked out',
  'new-year.no-agency': 'last year’s report has no 机关 in its front matter',

  // importers (a file that cannot be imported)
  'import.not-pdf': 'not a PDF file (no %PDF header at its start)',
  'import.pdf-encrypted': 'the PDF is encrypted (a password is needed to open it): get an unencrypted file',
  'import.pdf-truncated': 'the PDF is incomplete (a download or copy was cut short) and cannot be read',
  'import.pdf-damaged': 'the PDF is damaged and cannot be read: {reason}',
  'import.pdf-too-many-pages':
    'the PDF has {pages} pages, over the import limit of {max} (an annual report rarely has more than 20)',
  'import.pdf-out-of-time': 'the PDF import ran out of time and stopped',
  'import.pdf-page-unreadable': 'page {page} of the PDF cannot be read: {reason}',
  'import.pdf-no-text':
    'the PDF has no text layer (a scan or images?) and cannot be imported: this tool does no OCR. Get a PDF with text, or the Word original',
  'import.old-doc': 'an old Word 97–2003 document (.doc): save it as .docx in Word first',
  'import.not-docx': 'not a Word .docx file (it is not a ZIP package)',
  'import.docx-part-too-large': '{part} in the Word file is {size} MB unpacked, over the import limit of {max} MB',
  'import.docx-damaged': 'the Word file is damaged or incomplete and cannot be read: {reason}',
  'import.docx-unreadable': 'cannot read the Word file: {reason}',
  'import.too-many-lines': 'the source has {lines} lines, over the import limit of {max}',
  'import.out-of-time':
    'the import ran over its time limit ({seconds} s) and stopped: the file is too large or oddly built',
  'import.text-too-large': 'the file is {size}, over the import limit for text of {max}',
  'import.file-too-large': 'the file is {size}, over the {kind} import limit of {max}',
  'import.grid-too-large':
    'the tables are too large: their merged cells spread over more than {max} grid positions, the import limit',
  'import.doc-not-supported': 'an old Word file (.doc) cannot be imported directly: save it as .docx in Word',
  'import.save-as-docx': '.{ext} files cannot be imported directly: save it as .docx',
  'import.unsupported-type': 'unsupported file type .{ext}: .pdf, .docx, .html or .txt can be imported',
  'import.no-type': 'unsupported file type: .pdf, .docx, .html or .txt can be imported',
  'import.bad-utf16': 'the text has a UTF-16 byte-order mark but is not valid UTF-16',
  'import.binary': 'the file holds binary content, not text',
  'import.unknown-encoding': 'the text encoding is not recognised (it should be UTF-8, UTF-16 or GB18030)',

  // config
  'config.invalid-json': 'not valid JSON: {reason}',
  'config.not-object': 'a configuration file is one JSON object',
  'config.unknown-key': 'unknown setting “{key}” (use rules, locale, ignore, $schema)',
  'config.unknown-rule': 'there is no rule “{rule}”',
  'config.bad-severity': 'the level {value} of rule “{rule}” is not valid (use error, warning, info, hint or off)',
  'config.bad-locale': 'the locale {value} is not valid (use zh-CN or en)',
  'config.bad-ignore': '“ignore” must be a list of glob strings, such as ["drafts/**"]',
  'config.bad-rules': '“rules” must be an object of rule names and levels, such as "sum-row": "warning"',
  'config.bad-value': 'the value of “{key}” is not valid',
  'config.cannot-read': 'cannot read the configuration file: {reason}',
  'config.problem': 'The configuration file {path} has an error, so the default settings were used: {problem}',
  'config.schema.file':
    'The configuration of the xxgk report checker, for the reports in this folder and the folders below it',
  'config.schema.locale': 'The language of messages: zh-CN (Chinese, the default) or en (English)',
  'config.schema.rules': 'The level of each rule: error, warning, info, hint, or off',
  'config.schema.ignore': 'Files not checked: globs relative to this file’s folder, such as "drafts/**"',

  // server
  'server.check-failed': 'The checker failed on this file: {reason}',

  // render
  'render.block-failed': 'This block could not be rendered: {reason}',

  // request
  'request.no-last-year': 'Last year’s report cannot be read',
  'request.no-file': 'No file to import was given',
  'request.cannot-read': '{uri} cannot be read here',
  'request.open-a-report': 'Open a report first.',
  // added with cell-extra, fix choices and prose parts
  'cell-extra.description': 'A row has more cells than its header; the extra cells are not shown',
  'cell-extra.the-table': 'the table',
  'cell-extra.empty':
    'This row has {cells} cells but the header of {table} has {width} columns: {extra} extra empty cells',
  'cell-extra.empty-one':
    'This row has {cells} cells but the header of {table} has {width} columns: {extra} extra empty cell',
  'cell-extra.remove': 'Remove the extra empty cells',
  'cell-extra.filled':
    'This row has {cells} cells but the header of {table} has {width} columns: {shown} past the last column will not be shown; move them into the right column or remove them',
  'arithmetic.keep-move': '“{cell}” to {value}',
  'arithmetic.keep-figure': 'Keep “{cell}” at {value}, and set {moves}',
  'arithmetic.keep-move-separator': ', ',
  'narrative-number.part-exceeds':
    'The text says “{said}”, only a part of them, but {figure}: the part exceeds the whole',
  'narrative-number.total-table': 'the total in the table',
  'cli.not-a-report': 'not a report (neither its name nor its front matter says so)',
  'cli.worker-crashed':
    'the worker thread handling this file stopped unexpectedly ({reason}); the other files were handled',
  'cli.cannot-write-imported': 'cannot write the imported text to {path}: {reason}',
  'cli.not-regular-file': 'not a regular file (a device, a pipe or a socket); not read',
  'cli.file-too-large': 'file too large ({size} MB; {kind} files are read up to {max} MB); not read',
  'cli.skipped': '; {count} files skipped (not reports)',
  'cli.skipped-one': '; {count} file skipped (not a report)',
  'cli.no-report-found': 'no report found in {paths} (looked for {types}; {skipped} other files skipped)',
  'cli.partial': '; {count} files were beyond the size limits and not fully checked (checks skipped)',
  'cli.partial-one': '; {count} file was beyond the size limits and not fully checked (checks skipped)',
  'preview.print-look': 'Print look',
  'preview.print-look-title': 'Show as the published page',
  'preview.rendering': 'Rendering…',
  'preview.one-error': '1 error',
  'preview.errors': '{count} errors',
  'preview.one-warning': '1 warning',
  'preview.warnings': '{count} warnings',
  'preview.no-problems': 'No problems',
  'preview.fix': 'Fix…',
  'preview.not-updated': 'The preview could not be updated; showing the last good rendering: ',
  'preview.quick-fixes': 'Quick fixes',
  'preview.finding-fixes': 'Looking for fixes…',
  'preview.no-fixes': 'No quick fixes',
  'preview.show-in-source': 'Show in source',
  'preview.cell-input': 'Type a number, Enter applies, Escape cancels',
};
