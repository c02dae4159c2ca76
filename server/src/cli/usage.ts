/** The usage line of each further command: shown by `xxgk --help` without loading the command's code. */
export const USAGE = {
  render: 'xxgk render <file> --to html|docx [-o out|-] [--theme print|auto] [--force]',
  new: 'xxgk new --from <last year’s report> [-o file|-] [--force]',
  import:
    'xxgk import <file|dir>... [-o out.xxgk.md|-|out-dir] [--agency 名称] [--year 年度] [--force] [--summary-json]',
  review: 'xxgk review <file|dir|glob>... -o <dir> [--force] [--locale zh-CN|en]',
} as const;
