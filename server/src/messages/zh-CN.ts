/**
 * The messages in Chinese (zh-CN), the default: every diagnostic, fix title, hover, hint and CLI
 * text the engine, the server and the CLI show, keyed by message id. `{name}` is a placeholder
 * filled by the caller; the English table (en.ts) has the same ids and the same placeholders.
 * How to add a message: docs/messages.md.
 */
export const zhCN = {
  // what each rule checks: one line, shown in hovers, SARIF and the docs
  'balance.description': '某列“第一项加第二项之和”不等于“第三项加第四项之和”',
  'carryover.description': '“二、上年结转”与上年报告的“四、结转下年度继续办理”不一致（同一机关、相邻年度、同一格式）',
  'cell-empty.description': '数字单元格为空，或只有“—”“/”“无”等占位符',
  'cell-invalid.description': '单元格不是合法数字：非数字、不应为负数、计数出现小数；全角数字或千位分隔符（警告）',
  'column-missing.description': '统计表缺少必备的列',
  'column-unknown.description': '表头单元格与该表的任何官方列都不匹配',
  'deadline.description': '发布日期晚于法定期限（部门为次年1月31日，政府为次年3月31日，条例第四十九条）',
  'fee-statement.description': '2021 年格式：“六、其他需要报告的事项”未说明信息处理费收取情况（国办函〔2020〕109号）',
  'format-citation.description': '正文引用的是另一版年度报告格式的通知文号，而非本报告所用格式的文号',
  'format-mismatch.description': '表格属于与声明或推定格式不同的另一版官方格式',
  'front-matter.description': '前置元数据缺失、无法解析，或字段类型、取值错误',
  'government-accountability.description':
    '政府年度报告未说明工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项）',
  'internal.description': '检查程序自身出错（某条规则或整个检查未能完成）',
  'label-variant.description': '表名、行标签或列名与官方文字相近但不完全一致',
  'limits.description': '文件超出检查的规模上限，只做了结构检查或未检查',
  'narrative-number.description': '正文中的数字与其所述的表格数字不一致',
  'overview-topic.description': '2021 年格式：“一、总体情况”缺少五个方面之一',
  'period.description': '标题或所述统计期限的年份与报告年度不一致',
  'row-missing.description': '统计表缺少必备的行',
  'row-order.description': '行的顺序与官方格式不一致，或同一行重复出现',
  'row-unknown.description': '行标签与该表的任何官方行都不匹配',
  'rules-authority.description': '不能制定规章的机关（乡、镇、街道；县级机关和部门为提示）填报了非零的规章数字',
  'section-empty.description': '必备部分没有内容，或在应有实质内容处（一、五）只有“无”等寥寥数字',
  'section-heading.description': '部分编号正确但标题文字与官方格式不一致',
  'section-missing.description': '缺少六个必备部分之一',
  'section-order.description': '各部分顺序错误或重复（重复为错误）',
  'sum-results.description': '某列的“（七）总计”不等于各项办理结果之和',
  'sum-review.description': '行政复议、行政诉讼表中某行的“总计”不等于各结果之和',
  'sum-row.description': '某行的“总计”不等于六类申请人之和',
  'table-missing.description': '缺少必备的统计表',
  'table-unknown.description': '第二至四部分中的表格与任何官方统计表都不匹配',
  'title.description': '缺少一级标题、有多个一级标题，或标题缺少年份、“政府信息公开工作年度报告”字样',
  'valid-docs.description': '现行有效件数不等于上年现行有效件数 + 本年制发件数 − 本年废止件数',

  // common
  'common.list-separator': '、',
  'common.and': '和',
  'common.clause-separator': '；',
  'common.comma-separator': '，',
  'common.or': '或',
  'common.one-day': '1 天',
  'common.days': '{count} 天',

  // check
  'check.rule-failed': '规则 {rule} 在检查本文件时出错，已跳过：{reason}',
  'check.engine-failed': '检查本文件时出错，未做任何检查：{reason}',

  // carryover
  'carryover.previous-file': '（{previousName}）',
  'carryover.differs':
    '“二、上年结转 / {column}”为 {value}，但 {prevYear} 年报告{where}的“四、结转下年度继续办理 / {column}”为 {last}',
  'carryover.set-to-last-year': '改为上年结转下年度的 {last}',

  // cell-empty
  'cell-empty.table': '{table}未填写任何数字；没有发生的请填 0（空白不等于 0）',
  'cell-empty.fill-table': '全表填入 0',
  'cell-empty.fill-columns': '填写{names}列（由勾稽关系推出，否则填 0）',
  'cell-empty.fill-row': '整行填入 0',
  'cell-empty.fill-rows': '这 {count} 行填入 0',
  'cell-empty.write-implied': '填入 {value}（由勾稽关系推出）',
  'cell-empty.write-zero': '填入 0',
  'cell-empty.column': '{table}的{names}列整列未填写；没有发生的请填 0（空白不等于 0）',
  'cell-empty.columns': '{table}的{names}列整列未填写；没有发生的请填 0（空白不等于 0）',
  'cell-empty.only-markers': '（只有占位符）',
  'cell-empty.row': '“{row}”整行未填写{markers}；没有发生的请填 0',
  'cell-empty.rows': '“{first}”至“{last}”共 {count} 行未填写{markers}；没有发生的请填 0',
  'cell-empty.state-marker': '为“{written}”',
  'cell-empty.state-empty': '为空',
  'cell-empty.cell-implied': '“{cell}”{state}；按勾稽关系应为 {value}（没有发生的请填 0，空白不等于 0）',
  'cell-empty.cell': '“{cell}”{state}；没有发生的请填 0（空白不等于 0）',

  // cell-invalid
  'cell-invalid.why-fullwidth': '使用了全角数字',
  'cell-invalid.why-thousands': '使用了千位分隔符',
  'cell-invalid.why-spaces': '数字中有空格',
  'cell-invalid.why-unit': '数字后带有单位',
  'cell-invalid.write': '“{name}”{why}，应写作 {normalized}',
  'cell-invalid.change': '改为 {normalized}',
  'cell-invalid.negative': '“{name}”不能为负数（{text}）',
  'cell-invalid.not-whole': '“{name}”是件数，应为整数（{text}）',
  'cell-invalid.not-number': '“{name}”应为数字，实为“{text}”',

  // column-missing
  'column-missing.column': '{table}缺少列{names}',
  'column-missing.columns': '{table}缺少列{names}',
  'column-missing.insert-column': '插入列{names}',
  'column-missing.insert-columns': '插入列{names}',

  // column-unknown
  'column-unknown.variant': '{table}没有“{text}”这一列；此处应为“{label}”',
  'column-unknown.change': '改为“{label}”',
  'column-unknown.unknown': '{table}没有“{label}”这一列；官方列为{cols}',
  'column-unknown.empty-header': '表头有空白单元格；官方列为{cols}',

  // deadline
  'deadline.late-department':
    '发布日期 {published} 晚于法定期限 {due}，逾期 {days}（条例第四十九条：部门应在每年1月31日前公布上一年度的年度报告）',
  'deadline.late-government':
    '发布日期 {published} 晚于法定期限 {due}，逾期 {days}（条例第四十九条：人民政府应在每年3月31日前公布上一年度的年度报告）',

  // fee-statement
  'fee-statement.missing':
    '“{section}”未说明信息处理费收取情况（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）；没有收取的也应写明',
  'fee-statement.insert': '插入信息处理费说明（请核对本年度实际收取的金额）',

  // format-citation
  'format-citation.other-notice': '引用了 {id} 年格式的通知（{notice}），本报告使用 {id2} 年格式，应引用 {notice2}',
  'format-citation.replace': '改为“{notice}”',

  // format-mismatch
  'format-mismatch.tables-already': '；各统计表已是 {id} 年格式',
  'format-mismatch.report': '{year} 年度报告应使用 {id} 年格式（{notice}），而非 {id2} 年格式（{notice2}）{tablesToo}',
  'format-mismatch.change': '改为 {id}',
  'format-mismatch.table': '{table}是 {id} 年格式（{notice}）的表，本报告应使用 {id2} 年格式（{notice2}）',
  'format-mismatch.convert': '转换为 {id} 年格式',

  // front-matter
  'front-matter.missing': '缺少前置元数据（--- 机关、年度、格式、类型 ---）：无法确定报告年度和适用的表格格式',
  'front-matter.insert': '插入前置元数据',
  'front-matter.syntax': '前置元数据无法解析：{message}',
  'front-matter.agency-missing': '前置元数据缺少“机关”（报告机关名称）',
  'front-matter.agency-empty': '机关名称不能为空',
  'front-matter.year-missing': '前置元数据缺少“年度”（报告年度）',
  'front-matter.year-invalid': '“年度”应为 2008 至 {max} 之间的年份，如 2024',
  'front-matter.format-invalid': '“格式”应为 {ids}（{notices}）',
  'front-matter.kind-invalid': '“类型”应为“部门”或“政府”',
  'front-matter.date-invalid': '“发布日期”应为日期，如 2024-01-20',

  // government-accountability
  'government-accountability.missing':
    '政府年度报告应说明工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），本报告未说明：{items}',
  'government-accountability.assessment': '工作考核',
  'government-accountability.evaluation': '社会评议',
  'government-accountability.accountability': '责任追究',

  // label-variant
  'label-variant.variant': '应为官方文字“{official}”，实为“{written}”',
  'label-variant.change': '改为“{official}”',

  // limits
  'limits.chars': '文档有 {value} 个字符，超过 {limit} 个字符的上限',
  'limits.lines': '文档有 {value} 行，超过 {limit} 行的上限',
  'limits.nesting': '第 {line} 行嵌套了约 {value} 层引用或列表，超过 {limit} 层的上限',
  'limits.cells': '表格竖线“|”共 {value} 个，超过 {limit} 个的上限',
  'limits.brackets': '方括号“[”共 {value} 个，超过 {limit} 个的上限',
  'limits.setext': '有 {value} 行“===”或“---”紧接在文字下方（会被当作标题下划线），超过 {limit} 行的上限',
  'limits.none': '未检查本文件：{reasons}。一份年度报告通常不到 5 万字符；请确认打开的是年度报告，或将其拆分。',
  'limits.dropped': '（只读取了前 {read} 个标题，其后 {dropped} 个未读）',
  'limits.structural':
    '只做了结构检查：{reasons}。已检查前置元数据、标题和六个部分{dropped}（{kept}）；表格、单元格、合计与勾稽关系、正文的检查（其余 {skipped} 条规则）已跳过。',

  // narrative-number
  'narrative-number.figure-table': '表中的数字',
  'narrative-number.said.new': '收到申请',
  'narrative-number.said.carried': '上年结转',
  'narrative-number.said.carryNext': '结转下年度',
  'narrative-number.said.open': '予以公开',
  'narrative-number.said.partial': '部分公开',
  'narrative-number.said.notOpen': '不予公开',
  'narrative-number.said.cannot': '无法提供',
  'narrative-number.said.notHandled': '不予处理',
  'narrative-number.said.otherHandling': '其他处理',
  'narrative-number.said.handled': '办结',
  'narrative-number.said.review': '行政复议',
  'narrative-number.said.suits': '行政诉讼',
  'narrative-number.said.suitDirect': '未经复议直接起诉',
  'narrative-number.said.suitAfter': '复议后起诉',
  'narrative-number.said.made': '制发',
  'narrative-number.said.repealed': '废止',
  'narrative-number.said.valid': '现行有效',
  'narrative-number.said.license': '行政许可',
  'narrative-number.said.penalty': '行政处罚',
  'narrative-number.said.coercion': '行政强制',
  'narrative-number.said-new': '{keyword}申请',
  'narrative-number.said-made': '{keyword}',
  'narrative-number.said-rules': '{said}规章',
  'narrative-number.said-normative': '{said}规范性文件',
  'narrative-number.contradicts': '正文称{what} {stated} {unit}，但{figure}',
  'narrative-number.table3-total': '表三“{row}”总计为 {value}',
  'narrative-number.table3-total-with-carried': '表三“{row}”总计为 {value}（加上年结转 {carried} 件为 {alt}）',
  'narrative-number.table3-is': '表三“{row}”为 {value}',
  'narrative-number.table3-items-total': '表三“{row}”各项总计之和为 {value}',
  'narrative-number.table4-total': '表四“{row}”总计为 {value}',
  'narrative-number.table4-suits': '表四行政诉讼总计为 {value}（未经复议直接起诉 {direct} + 复议后起诉 {after}）',
  'narrative-number.table-cell': '{table}“{row}”的“{column}”为 {value}',
  'narrative-number.table-fees': '{table}“行政事业性收费”的本年收费金额为 {value} 万元',
  'narrative-number.said.fees': '行政事业性收费',

  // overview-topic
  'overview-topic.missing-topic': '“一、总体情况”缺少{names}方面的内容（国办公开办函〔2021〕30号）',
  'overview-topic.missing-topics': '“一、总体情况”缺少{names}方面的内容（国办公开办函〔2021〕30号）',
  'overview-topic.insert-heading': '插入小标题{names}',
  'overview-topic.insert-headings': '插入小标题{names}',

  // period
  'period.title-year': '标题中的年份 {value} 与报告年度 {year} 不一致',
  'period.stated-period': '所述统计期限的年份 {y} 与报告年度 {year} 不一致（统计期限应为 {year}年1月1日至12月31日）',
  'period.report-year':
    '报告年度 {year} 与标题和所述统计期限中的年份 {titleWrong} 不一致；“年度”是否应为 {titleWrong}？',

  // row-missing
  'row-missing.row': '{table}缺少行{names}',
  'row-missing.rows': '{table}缺少 {count} 行：{names}',
  'row-missing.insert-row': '插入行“{row}”',
  'row-missing.insert-rows': '插入缺少的 {count} 行',

  // row-order
  'row-order.repeated': '“{label}”在{table}中重复出现',
  'row-order.out-of-order': '“{label}”应在“{maxLabel}”之前',

  // row-unknown
  'row-unknown.note-under-table': '“{label}”紧接在表格下方，会被当作{table}的一行；表注与表格之间请空一行',
  'row-unknown.insert-blank-line': '在表格与此行之间空一行',
  'row-unknown.variant': '{table}中没有“{label}”这一行；此处应为“{label2}”',
  'row-unknown.unknown': '{table}中没有“{label}”这一行；请使用官方行标签',
  'row-unknown.no-label': '此行没有行标签',

  // rules-authority
  'rules-authority.basis':
    '规章只能由省、自治区、直辖市和设区的市、自治州人民政府及国务院部门制定（《中华人民共和国立法法》）',
  'rules-authority.township':
    '“{agency}”是乡镇（街道）机关，不能制定规章，但“规章”一行填有 {text}：{basis}。本机关制发的文件应计入“行政规范性文件”',
  'rules-authority.county': '“{agency}”是县级机关，一般不能制定规章，请核对“规章”一行的 {text}：{basis}',
  'rules-authority.department':
    '“{agency}”是地方政府部门，不能制定规章，请核对“规章”一行的 {text}（是否应计入“行政规范性文件”）：{basis}',

  // section-empty
  'section-empty.empty': '“{section}”没有内容',
  'section-empty.too-little': '“{section}”只写了“{text}”，内容过少；官方格式要求在此如实报告具体情况',
  'section-empty.headings-only': '“{section}”只有小标题，没有正文；官方格式要求在此如实报告具体情况',

  // section-heading
  'section-heading.variant': '标题应为官方格式的“{official}”，实为“{text}”',
  'section-heading.change': '将标题改为“{official}”',

  // section-missing
  'section-missing.plain-paragraphs': '普通段落',
  'section-missing.wrong-level':
    '各部分标题应为二级标题（## 一、总体情况），本报告有 {n} 个写成了{ways}，因而未被识别为报告的部分',
  'section-missing.fix-level': '将这 {n} 个标题改为二级标题',
  'section-missing.heading-before-table': '缺少“{name}”部分的标题：它的统计表现在位于“{numeral}、{title}”之下',
  'section-missing.insert-heading': '在此表前插入标题“{name}”',
  'section-missing.missing-before': '缺少“{name}”部分（应在“{numeral}、{title}”之前）',
  'section-missing.missing-at-end': '缺少“{name}”部分（应在报告末尾）',
  'section-missing.insert': '插入“{name}”',

  // section-order
  'section-order.repeated': '“{section}”重复出现；每个部分只能出现一次',
  'section-order.out-of-order': '“{section}”应在“{section2}”之前',

  // table-missing
  'table-missing.missing': '“{section}”缺少统计表{name}',
  'table-missing.insert': '插入空白统计表{name}',

  // table-unknown
  'table-unknown.unrecognised':
    '无法识别此表格：“{section}”中的表格应为官方格式的{tables}（表头第一格写表名，其余写列名）',

  // title
  'title.missing': '缺少报告标题（一级标题，如“# ××2023年政府信息公开工作年度报告”）',
  'title.insert-title': '插入标题“{canonical}”',
  'title.several': '报告只能有一个一级标题；此处应改为二级或更低级标题',
  'title.year': '年份',
  'title.title-lacks': '标题缺少{what}',
  'title.change-title': '将标题改为“{canonical}”',

  // valid-docs
  'valid-docs.differs':
    '“{row} / 现行有效件数”为 {value}；按 {prevYear} 年报告{where}的现行有效 {last} + 本年制发 {made} − 本年废止 {repealed} 应为 {expected}（如有修订、清理或统计口径变化，请在正文说明）',
  'valid-docs.made': '本年制发件数',
  'valid-docs.repealed': '本年废止件数',

  // arithmetic
  'arithmetic.rest-zero': '其余各项 0',
  'arithmetic.corroborated':
    '“{name}”为 {actual}，但按勾稽关系应为 {expected}（{how}）；而 {actual} 与“{describe}”相符，错误更可能在其他数字中（如同一申请重复计数或漏计），请逐项核对',
  'arithmetic.stated-in-text':
    '“{name}”为 {actual}，但按勾稽关系应为 {expected}（{how}）；而正文也称 {actual}，错误更可能在其他数字中，请逐项核对',
  'arithmetic.should-be': '“{name}”应为 {expected}（{how}），实为 {actual}',
  'arithmetic.also-set': '“{cell}”相应改为 {value}',
  'arithmetic.set': '将“{name}”改为 {expected}',
  'arithmetic.negative':
    '勾稽关系不成立：{sum}；要使其平衡，“{name}”须为 {expected}，而件数不能为负数，错误在其他数字中，请逐项核对',
  'arithmetic.should-be-several':
    '“{name}”应为 {expected}（{how}），实为 {actual}；改为 {expected} 后，它所在的 {count} 个勾稽关系都将平衡{unbalanced}',
  'arithmetic.now-unbalanced': '（现不平衡：{sums}）',
  'arithmetic.set-with-others': '将“{name}”改为 {expected}，{also}',

  // inlay-hints
  'inlay-hints.should': '应为 {v}',
  'inlay-hints.sums-should': '按勾稽关系，“{cell}”应为 {v}（实为 {actual}）',

  // hover
  'hover.row-total': '行合计（{along}）',
  'hover.results-total': '办理结果合计（{along}列）',
  'hover.column-balance': '本列勾稽关系（{along}列：第一项加第二项之和，等于第三项加第四项之和）',
  'hover.total': '合计（{along}）',
  'hover.other-0': '（其余 {zeros} 项为 0）',
  'hover.not-checked': '（有空白或无效单元格，未核对）',
  'hover.official-heading': '官方标题为“{official}”。',
  'hover.tables': '统计表：{tables}',
  'hover.official-header': '官方列名为“{label}”。',
  'hover.delta': '本年增减数，可为负数。',
  'hover.count': '件数：非负整数。',
  'hover.official-label': '官方文字为“{label}”。',
  'hover.basis': '依据：{basis}',
  'hover.empty': '（空）',
  'hover.row-column': '{table}：行“{row}”，列“{column}”',
  'hover.should-be-here': '应为 {value}',
  'hover.should-be': '“{cell}”应为 {value}',
  'hover.equation': '{name}：{lhs}；{rhs} {status}',
  'hover.topics': '{notice}要求的方面：{topics}',
  'hover.table': '{notice}统计表，{columns} 列、{rows} 行。',
  'hover.money': '金额，可为小数。',
  'hover.money-units': '金额（单位：{units}），可为小数。',
  'hover.group-row': '分组行（对应官方表格中的合并单元格），本身不填数字。',
  'hover.group-row-of': '分组行（对应官方表格中的合并单元格），本身不填数字；包括：{rows}。',
  'hover.rule-link': '[规则 {rule}]({uri})：{description}',
  'hover.rule-link-bare': '[规则 {rule}]({uri})',

  // code-actions
  'code-actions.disable-line': '在此行停用规则 {rule}',
  'code-actions.table': '此表',
  'code-actions.list': '此列表',
  'code-actions.block': '此段',
  'code-actions.disable-rule': '在{what}停用规则 {rule}',
  'code-actions.fix-all': '修复本文件中所有可自动修复的问题',
  'code-actions.fix-all-source': '修复所有可自动修复的问题（xxgk）',

  // completion
  'completion.from-title': '取自标题',
  'completion.published-early': '{y} 年度报告（{value} 年初发布）',
  'completion.deadline-department': '县级以上人民政府部门等：次年1月31日前发布',
  'completion.deadline-government': '人民政府：次年3月31日前发布，并报告工作考核、社会评议和责任追究结果',
  'completion.today': '今天',
  'completion.statutory-deadline': '法定发布期限（条例第四十九条）',
  'completion.report-title': '报告标题',
  'completion.section-present': '已有此部分',
  'completion.section-missing': '缺少此部分',
  'completion.topic-present': '已有此方面',
  'completion.expected-topic': '国办公开办函〔2021〕30号要求的方面',
  'completion.column-present': '已有此列',
  'completion.row-present': '已有此行',
  'completion.group-row': '分组行（可选）',
  'completion.row-missing': '缺少此行',
  'completion.implied-sums': '按勾稽关系推出',
  'completion.table-present': '本部分已有此表',
  'completion.insert-table': '插入空白统计表',
  'completion.skeleton-label': '年度报告框架（{year} 年度，{id} 格式）',
  'completion.key.agency': '报告机关名称（必填）',
  'completion.key.year': '报告年度，如 2024（必填）',
  'completion.key.format':
    '表格格式：2021（国办公开办函〔2021〕30号）或 2019（国办公开办函〔2019〕60号）；省略时随年度',
  'completion.key.kind': '部门 或 政府（人民政府）；默认 部门',
  'completion.key.published': '发布日期，如 2025-01-20（部门须在次年1月31日前、政府须在3月31日前发布）',
  'completion.insert-whole-table': '插入整张空白统计表：{table}',
  'completion.column-of': '{table}的列',
  'completion.table': '统计表：{table}',
  'completion.skeleton': '标题、六个部分和空白统计表（{notice}）',
  'completion.skeleton-topics': '标题、六个部分、五个方面和空白统计表（{notice}）',
  'completion.format-years': '{notice}，{from}–{to} 年度',
  'completion.format-from': '{notice}，{from} 年度起',

  // code-lens
  'code-lens.some-unchecked': '勾稽关系：已核对的均平衡，{count} 个因空白或无效单元格未核对',
  'code-lens.balanced': '勾稽关系：全部平衡 ✓',
  'code-lens.one-problem': '勾稽关系：1 处不平衡',
  'code-lens.problems': '勾稽关系：{count} 处不平衡',

  // cli
  'cli.usage':
    'xxgk {version} —— 政府信息公开工作年度报告检查工具（xxgk Markdown 方言）\n\n用法：\n  xxgk check <文件|目录|通配符>... [--format text|json|sarif] [--locale zh-CN|en] [--config <文件>]\n  xxgk lsp --stdio\n{commands}\n  xxgk <命令> --help    查看命令说明\n  xxgk --version | --help',
  'cli.usage-line': '用法：{usage}',
  'cli.help.check':
    '用法：xxgk check <文件|目录|通配符>... [选项]\n\n检查年度报告，列出每一处问题。不修改任何文件。\n检查 *.xxgk.md、带前置元数据（机关、年度）的 .md，以及发布的 .pdf、.docx、.html、.txt（在内存中导入后检查；问题指向原文件，行号对应导入后的文本，可用 --keep-imported 写出）。目录逐层查找，其他文件跳过并计数。\n\n选项：\n  -f, --format text|json|sarif   输出格式（默认 text）\n  --locale zh-CN|en              信息语言（默认中文；也可在 .xxgkrc.json 或 LANG 中设置）\n  -c, --config <文件>            使用此配置文件，而不是各报告上层目录中最近的 .xxgkrc.json\n  --keep-imported <目录>         把 .pdf、.docx、.html、.txt 导入后的文本写到此目录\n  -h, --help                     显示本说明\n\n退出码：0 没有错误；1 至少有一个错误（或有文件超出检查上限）；2 用法错误、文件无法读取、配置文件有误或没有找到报告。',
  'cli.help.lsp': '用法：xxgk lsp --stdio\n\n通过标准输入输出启动语言服务器（LSP），供 VS Code 以外的编辑器使用。',
  'cli.help.render':
    '用法：xxgk render <文件> --to html|docx [-o 输出文件|-] [--theme print|auto]\n\n按公开发布的版式生成报告：HTML 为单个自包含网页，DOCX 为带官方合并单元格表格的 Word 文档。\n默认写在报告旁边；-o - 将 HTML 输出到标准输出。\n\n选项：\n  -t, --to html|docx      输出格式（必填）\n  -o, --output <文件>     输出文件\n  --theme print|auto      HTML 配色：print 始终为白底，auto 跟随系统深浅色（默认 print）\n  -h, --help              显示本说明',
  'cli.help.new':
    '用法：xxgk new --from <上一年度报告> [-o 文件|-] [--force]\n\n根据上一年度报告生成下一年度报告的草稿：年度加一，“二、上年结转”取自上年的“结转下年度继续办理”，其余数字留空待填。\n默认写在上年报告旁边，文件名中的年份加一；已有文件不会被覆盖，除非使用 --force。\n\n选项：\n  -f, --from <文件>       上一年度报告（必填）\n  -o, --output <文件>     输出文件；- 表示标准输出\n  --force                 覆盖已有文件\n  -h, --help              显示本说明',
  'cli.help.import':
    '用法：xxgk import <文件或目录>... [-o 输出文件|-|输出目录] [--agency 名称] [--year 年度] [--force] [--summary-json]\n\n把已发布的年度报告（.pdf、.docx、.html、.txt）导入为 .xxgk.md：表格按官方格式逐格读入，标签和数字保持原样（原文的错误由检查报告，导入不改正）；前置元数据（机关、年度、格式、类型、发布日期）按原文推断并列出依据。\n目录逐层查找；每个文件一行摘要（读入的单元格数、未能放入的内容、推断的字段）。一个文件出错不影响其他文件；已有文件不覆盖。\n\n选项：\n  -o, --output <文件|目录>  输出文件或目录（导入多个文件时须为目录）；- 表示标准输出\n  --agency <名称>           机关名称（原文中没有时）\n  --year <年度>             报告年度（原文中没有时）\n  --force                   覆盖已有文件\n  --summary-json            在标准输出中以 JSON 给出读取情况\n  -h, --help                显示本说明\n\n退出码：0 全部完整导入；1 有草稿不完整（有单元格未读入）；2 有文件导入失败或未写出。',
  'cli.help.review':
    '用法：xxgk review <文件|目录|通配符>... -o <目录> [--force] [--locale zh-CN|en]\n\n审查一批政府信息公开工作年度报告，供主管部门查看。\n输入：.md 报告（文件名含 .xxgk.md、年度报告、年报，或前置元数据写有机关、年度），以及 .docx、.html、.txt、.pdf（在内存中导入，不写出文件）；目录逐层查找。\n输出目录中写出：\n  index.html      汇总页：每份报告一行（机关、年度、类型、格式、发布日期及是否按时、错误、警告、最严重的问题），可排序；各规则问题数的图表；每份报告一页（reports/），问题标在所在单元格或标题上\n  findings.csv    每个问题一行（文件、机关、年度、规则、严重级别、说明、行），UTF-8 带 BOM，Excel 可直接打开\n  figures.xlsx    每张官方统计表一个工作表，每份报告一行，每个官方单元格一列，可直接求和\n\n选项：\n  -o, --output <目录>     输出目录（须不存在或为空，除非使用 --force）\n  --force                 覆盖输出目录中已有的文件\n  --locale zh-CN|en       问题说明的语言（默认中文）\n  -h, --help              显示本说明\n\n退出码：0 没有错误级别的问题；1 有错误级别的问题；2 输入有误（文件无法读取、没有找到报告、输出目录非空等）。',
  'cli.review.needs-files': 'review 需要至少一个文件、目录或通配符',
  'cli.review.needs-output': 'review 需要输出目录：-o <目录>',
  'cli.review.not-directory': '{path}：不是文件夹',
  'cli.review.not-empty': '{path}：输出目录不为空，未写出任何文件；加 --force 覆盖',
  'cli.review.unreadable': '{path}: 无法读取：{reason}',
  'cli.review.summary':
    '审查了 {reports}{unreadable}：{errors}，{warnings}。已写出 {index}、findings.csv、figures.xlsx',
  'cli.review.one-report': '1 份报告',
  'cli.review.reports': '{count} 份报告',
  'cli.review.some-unreadable': '（{count} 份无法读取）',
  'cli.option-needs-value': '选项 {option} 需要一个值',
  'cli.unknown-option': '无法识别的选项 {option}',
  'cli.unknown-command': '无法识别的命令 {command}',
  'cli.unknown-format': '无法识别的输出格式 {value}（可用 text、json 或 sarif）',
  'cli.unknown-locale': '无法识别的语言 {value}（可用 zh-CN 或 en）',
  'cli.check-needs-files': 'check 需要至少一个文件、目录或通配符',
  'cli.lsp-needs-stdio': 'lsp 需要 --stdio 选项',
  'cli.not-found': '{path}：找不到文件或目录',
  'cli.cannot-read': '{path}：无法读取：{reason}',
  'cli.cannot-write': '{path}：无法写入：{reason}',
  'cli.exists': '{path}：文件已存在（使用 --force 覆盖，或用 -o 写到别处）',
  'cli.render.own-source': '{path}：这是报告本身，render 不会写到报告上（请用 -o 指定其他文件）',
  'cli.wrote-bytes': '已写入 {path}（{bytes} 字节）',
  'cli.wrote': '已写入 {path}',
  'cli.io.not-found': '找不到文件或目录',
  'cli.io.no-directory': '目录不存在',
  'cli.io.permission': '没有访问权限',
  'cli.io.is-directory': '这是一个目录',
  'cli.io.not-directory': '路径中有一部分不是目录',
  'cli.io.no-space': '磁盘空间不足',
  'cli.io.read-only': '文件系统只读',
  'cli.io.not-regular': '不是普通文件',
  'cli.io.too-large': '文件过大（{size} MB；报告最多读取 {max} MB）',
  'cli.io.bad-utf16': '文件开头有 UTF-16 字节顺序标记，但内容不是有效的 UTF-16 文本（请将报告另存为 UTF-8）',
  'cli.io.binary': '这是二进制文件（含有 NUL 字节），不是文本报告',
  'cli.io.gbk': '不是有效的 UTF-8 文本，看起来是 GBK/GB18030 编码（请将报告另存为 UTF-8）',
  'cli.io.not-utf8': '不是有效的 UTF-8 文本（请将报告另存为 UTF-8）',
  'cli.summary': '检查了 {files}：{errors}，{warnings}，{infos}',
  'cli.one-file': '1 个文件',
  'cli.files': '{count} 个文件',
  'cli.one-error': '1 个错误',
  'cli.errors': '{count} 个错误',
  'cli.one-warning': '1 个警告',
  'cli.warnings': '{count} 个警告',
  'cli.infos': '{count} 个提示',
  'cli.render.needs-to': 'render 需要 --to html 或 --to docx',
  'cli.render.unknown-format': '无法识别的输出格式 {value}（可用 html 或 docx）',
  'cli.render.unknown-theme': '无法识别的配色 {value}（可用 print 或 auto）',
  'cli.render.needs-file': 'render 需要一个报告文件',
  'cli.render.one-file': 'render 只能处理一个报告文件',
  'cli.render.docx-stdout': 'DOCX 是二进制文件，请用 -o 指定输出文件',
  'cli.render.has-errors': '注意：{path} 有 {count} 处错误（可运行 xxgk check {path} 查看），已按原文生成',
  'cli.new.needs-from': 'new 需要上一年度报告：xxgk new --from <文件>',
  'cli.new.one-file': 'new 只能根据一份报告生成（--from <文件>）',
  'cli.new.wrote':
    '已将{agency} {year} 年度报告草稿（{format} 年格式）写入 {path}；“二、上年结转”有 {cells} 个单元格取自 {source}',
  'cli.import.out-dir': '导入多个文件时，-o 须为目录',
  'cli.import.stdout-one': '-o - 只能把一个文件输出到标准输出',
  'cli.import.needs-file': 'import 需要要导入的文件或目录（.pdf、.docx、.html、.txt）',
  'cli.import.one-file': 'import 只能导入一个文件',
  'cli.import.bad-year': '--year 需要一个年份，如 2023',
  'cli.import.bad-agency': '--agency 需要机关名称',
  'cli.import.nothing-found': '没有找到年度报告的任何部分或统计表，未写出文件',
  'cli.import.summary': '{agency} {year}，{format} 年格式：找到部分 {sections}；表格单元格读入 {read}/{expected}',
  'cli.import.no-agency': '（未知机关）',
  'cli.import.no-year': '（未知年度）',
  'cli.import.none': '（无）',
  'cli.import.table': '{section} {name}：{read}',
  'cli.import.not-found': '未找到',
  'cli.import.unplaced': '未能放入（{where}）：{label}：{values}（{why}）',
  'cli.import.note': '注：{note}',
  'cli.import.inferred': '推断 {field}：{value}（依据：{evidence}）',
  'cli.import.line': '{path} → {out}：单元格 {read}/{expected}，未放入 {unplaced} 个数；推断 {inferred}',
  'cli.import.line-one': '{path} → {out}：单元格 {read}/{expected}，未放入 {unplaced} 个数；推断 {inferred}',
  'cli.import.nothing-inferred': '（无）',
  'cli.import.nothing-to-import': '{paths} 中没有可导入的文件（查找 .pdf、.docx、.html、.txt）',
  'cli.import.already-dialect': '已经是 xxgk 格式的报告，无需导入',

  // new year's draft
  'new-year.beyond-limits': '上年报告超出检查上限（见 docs/robustness.md），无法据此生成新年度报告',
  'new-year.no-year': '上年报告的前置元数据缺少有效的“年度”，无法推算新年度',
  'new-year.no-agency': '上年报告的前置元数据缺少“机关”',

  // importers (a file that cannot be imported)
  'import.not-pdf': '不是 PDF 文件（文件开头没有 %PDF 标记）',
  'import.pdf-encrypted': 'PDF 文件已加密（需要密码才能打开），无法读取：请取得未加密的文件',
  'import.pdf-truncated': 'PDF 文件不完整（可能下载或复制中断），无法读取',
  'import.pdf-damaged': 'PDF 文件已损坏，无法读取：{reason}',
  'import.pdf-too-many-pages': 'PDF 有 {pages} 页，超过导入上限 {max} 页（年度报告一般不超过 20 页）',
  'import.pdf-out-of-time': 'PDF 导入超出时间上限，已停止',
  'import.pdf-page-unreadable': 'PDF 第 {page} 页无法读取：{reason}',
  'import.pdf-no-text':
    'PDF 没有文字层（可能是扫描件或图片），无法导入：本工具不做文字识别（OCR）。请取得带文字的 PDF 或 Word 原件',
  'import.old-doc': '这是旧版 Word 97–2003 文档（.doc），请先在 Word 中另存为 .docx',
  'import.not-docx': '不是 Word .docx 文件（文件不是 ZIP 包）',
  'import.docx-part-too-large': 'Word 文件中的 {part} 解压后有 {size} MB，超过导入上限 {max} MB',
  'import.docx-damaged': 'Word 文件已损坏或不完整，无法读取：{reason}',
  'import.docx-unreadable': '无法读取 Word 文件：{reason}',
  'import.too-many-lines': '原文有 {lines} 行，超过导入上限 {max} 行',
  'import.out-of-time': '导入超出时间上限（{seconds} 秒），已停止：文件过大或结构异常',
  'import.text-too-large': '文件有 {size}，超过文本导入上限 {max}',
  'import.file-too-large': '文件有 {size}，超过 {kind} 导入上限 {max}',
  'import.grid-too-large': '表格过大：合并单元格展开后超过 {max} 个格子的导入上限',
  'import.doc-not-supported': '旧版 Word（.doc）无法直接导入：请在 Word 中另存为 .docx',
  'import.save-as-docx': '.{ext} 无法直接导入：请另存为 .docx',
  'import.unsupported-type': '不支持的文件类型 .{ext}：可导入 .pdf、.docx、.html 或 .txt',
  'import.no-type': '不支持的文件类型：可导入 .pdf、.docx、.html 或 .txt',
  'import.bad-utf16': 'UTF-16 文本有字节顺序标记，但内容不是有效的 UTF-16',
  'import.binary': '文件含有二进制内容，不是文本',
  'import.unknown-encoding': '文本编码无法识别（应为 UTF-8、UTF-16 或 GB18030）',

  // config
  'config.invalid-json': '不是有效的 JSON：{reason}',
  'config.not-object': '配置文件应为一个 JSON 对象',
  'config.unknown-key': '无法识别的设置项“{key}”（可用 rules、locale、ignore、$schema）',
  'config.unknown-rule': '没有名为“{rule}”的规则',
  'config.bad-severity': '规则“{rule}”的级别 {value} 无效（可用 error、warning、info、hint 或 off）',
  'config.bad-locale': '语言 {value} 无效（可用 zh-CN 或 en）',
  'config.bad-ignore': '“ignore”应为通配符字符串的列表，如 ["drafts/**"]',
  'config.bad-rules': '“rules”应为对象：键为规则名，值为级别，如 "sum-row": "warning"',
  'config.bad-value': '设置项“{key}”的值无效',
  'config.cannot-read': '无法读取配置文件：{reason}',
  'config.problem': '配置文件 {path} 有误，已按默认设置检查：{problem}',
  'config.schema.file': '政府信息公开工作年度报告检查（xxgk）的配置：对本目录及其下各级目录中的报告生效',
  'config.schema.locale': '诊断信息的语言：zh-CN（中文，默认）或 en（英文）',
  'config.schema.rules': '按规则设置严重级别：error、warning、info、hint，或 off（关闭）',
  'config.schema.ignore': '不检查的文件：相对于本文件所在目录的通配符，如 "drafts/**"、"*草稿*.md"',

  // server
  'server.check-failed': '检查本文件时出错：{reason}',

  // render
  'render.block-failed': '此处内容无法显示：{reason}',

  // request
  'request.no-last-year': '无法读取上一年度的报告',
  'request.no-file': '没有指定要导入的文件',
  'request.cannot-read': '此处无法读取 {uri}',
  'request.open-a-report': '请先打开一份年度报告',
  // added with cell-extra, fix choices and prose parts
  'cell-extra.description': '一行的单元格多于表头的列数，多出的单元格不会显示',
  'cell-extra.the-table': '表格',
  'cell-extra.empty': '此行有 {cells} 个单元格，而{table}表头只有 {width} 列：多出 {extra} 个空单元格',
  'cell-extra.empty-one': '此行有 {cells} 个单元格，而{table}表头只有 {width} 列：多出 {extra} 个空单元格',
  'cell-extra.remove': '删除多余的空单元格',
  'cell-extra.filled':
    '此行有 {cells} 个单元格，而{table}表头只有 {width} 列：多出的 {shown} 不会显示，请移入正确的列或删除',
  'arithmetic.keep-move': '“{cell}”改为 {value}',
  'arithmetic.keep-figure': '保留“{cell}”为 {value}，将{moves}',
  'arithmetic.keep-move-separator': '，',
  'narrative-number.part-exceeds': '正文称“{said}”，只是其中一部分，但{figure}，部分多于总数',
  'narrative-number.total-table': '表中的总数',
  'cli.not-a-report': '不是年度报告（文件名和前置元数据都不像报告）',
  'cli.worker-crashed': '处理此文件的工作线程意外退出（{reason}），其他文件照常处理',
  'cli.cannot-write-imported': '无法写出导入结果 {path}：{reason}',
  'cli.not-regular-file': '不是普通文件（设备、管道或套接字），未读取',
  'cli.file-too-large': '文件过大（{size} MB；{kind} 文件最多读取 {max} MB），未读取',
  'cli.skipped': '；跳过 {count} 个非报告文件',
  'cli.skipped-one': '；跳过 {count} 个非报告文件',
  'cli.no-report-found': '{paths} 中没有找到年度报告（查找的文件类型：{types}；跳过其他文件 {skipped} 个）',
  'cli.partial': '；其中 {count} 个文件超出检查上限，未完整检查（部分检查已跳过）',
  'cli.partial-one': '；其中 {count} 个文件超出检查上限，未完整检查（部分检查已跳过）',
  'preview.print-look': '打印样式',
  'preview.print-look-title': '按发布页面的样式显示',
  'preview.rendering': '正在生成预览…',
  'preview.one-error': '1 个错误',
  'preview.errors': '{count} 个错误',
  'preview.one-warning': '1 个警告',
  'preview.warnings': '{count} 个警告',
  'preview.no-problems': '未发现问题',
  'preview.fix': '修复…',
  'preview.not-updated': '预览未能更新，显示的是上一次的结果：',
  'preview.quick-fixes': '快速修复',
  'preview.finding-fixes': '正在查找修复…',
  'preview.no-fixes': '没有可用的快速修复',
  'preview.show-in-source': '在源文件中查看',
  'preview.cell-input': '输入数字，回车确认，Esc 取消',
} as const;
