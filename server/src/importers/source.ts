/**
 * What every importer reduces its input to: lines of cells. A line of a Word or HTML table, or a
 * tab-separated line of extracted text, has cells with their grid column; a paragraph is a line
 * with one cell. The assembler then finds the title, the sections and the statistics tables in
 * this stream, whatever it came from.
 */

export interface SrcCell {
  text: string;
  /** the grid column of the cell (HTML/Word table, tab-separated text); absent for plain lines */
  col?: number;
  /** the horizontal extent of the cell on its page (PDF), for numbers under blank-cell rows */
  x0?: number;
  x1?: number;
}
export interface SrcLine {
  cells: SrcCell[];
  /** which HTML/Word table the line is a row of (absent for text) */
  grid?: number;
  /** an HTML heading level (1–6) */
  heading?: number;
}

const ARTIFACTS = /\[bookmark:[^\]]*\]/g;

/** Tidy one cell: artefacts of Word bookmarks removed, runs of white space collapsed. */
export function cleanCell(s: string): string {
  return s
    .replace(ARTIFACTS, '')
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .trim();
}

/** Tidy a line of extracted text, keeping runs of spaces (they separate columns in laid-out text). */
function cleanLine(s: string): string {
  return s
    .replace(ARTIFACTS, '')
    .replace(/[\u00a0]/g, ' ')
    .replace(/[\r\f\v]/g, '')
    .trim();
}

/**
 * Extracted text, as PDF and web page extraction leave it: a tab-separated line is a table row
 * (its cells keep their column), any other line is one cell.
 */
export function linesFromText(text: string): SrcLine[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return src.split(/\r\n|\r|\n/).map((raw) => {
    const line = raw.replace(ARTIFACTS, '');
    if (line.includes('\t')) {
      const cells = line
        .split('\t')
        .map((t, i) => ({ text: cleanCell(t), col: i }))
        .filter((c) => c.text !== '');
      return { cells };
    }
    const t = cleanLine(line);
    return { cells: t ? [{ text: t }] : [] };
  });
}
