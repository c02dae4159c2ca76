/**
 * Texts within every size limit whose inline syntax makes micromark's inline pass cost the square
 * of their length (issue 14 row 4): one 20–27 kB paragraph or heading of each shape appended to
 * the example report, and a report of many blocks each just under what the parse budget
 * neutralises. Used by the bench (the budget: no such check above 1 s) and by the tests (the
 * results stay correct, the server keeps answering).
 */
export function pathologicalTexts(example: string): Record<string, string> {
  const para = (unit: string, n: number): string => `${example}\n${unit.repeat(n)}\n`;
  const manyBlocks = (): string => {
    // blocks of 40 unmatched delimiters each (40² × blocks stays under the budget), up to 60 kB
    const block = '*a_'.repeat(20) + '`b<'.repeat(7);
    const parts: string[] = [example];
    let size = example.length;
    while (size < 60_000) {
      parts.push(block);
      size += block.length + 2;
    }
    return parts.join('\n\n') + '\n';
  };
  const manySections = (): string => {
    // sections each holding a block just under the budget: the budget holds for the whole text
    let t = example;
    for (let n = 0; t.length < 190_000; n++) t += `\n\n## 附${n}\n\n${'*a_'.repeat(470)}\n`;
    return t;
  };
  return {
    manySections: manySections(),
    autolinkWww: para('www.a.b_', 2_500),
    autolinkHttp: para('http://a.b_', 1_800),
    autolinkEmail: para('a@b.c_', 3_300),
    emphasis: para('*a_', 6_600),
    codeSpans: para('`a', 10_000),
    angleBrackets: para('<a', 10_000),
    headingWww: `${example}\n## ${'www.a.b_'.repeat(3_400)}\n`,
    headingEmphasis: `${example}\n## ${'*a_'.repeat(9_000)}\n`,
    quotedEmphasis: para('> *a_*a_*a_\n', 1_600),
    manyBlocks: manyBlocks(),
  };
}
