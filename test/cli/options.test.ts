import { join } from 'node:path';
import { defaultOutput, parseOptions, USAGE } from '../../src/cli/options';

describe('parseOptions', () => {
  it('reads the workbook, --out, --json and --by', () => {
    expect(parseOptions(['book.xlsx', '--out', 'plan.xlsx', '--json', '--by', 'Ana Silva'])).toEqual({
      kind: 'run',
      options: { input: 'book.xlsx', out: 'plan.xlsx', json: true, by: 'Ana Silva' },
    });
  });

  it('writes <name>.prioritised.xlsm beside a workbook with macros by default', () => {
    expect(parseOptions(['Budget.xlsm'])).toMatchObject({ options: { out: 'Budget.prioritised.xlsm' } });
  });

  it('writes <name>.prioritised.xlsx beside the input by default', () => {
    expect(parseOptions([join('packs', 'March.xlsx')])).toMatchObject({ options: { out: join('packs', 'March.prioritised.xlsx'), json: false } });
  });

  it('keeps the folder and the base name of the input in the default output', () => {
    expect(defaultOutput('/data/q1.pack.XLSX')).toBe('/data/q1.pack.prioritised.xlsx');
  });

  it('asks for the help text with -h or --help', () => {
    expect([parseOptions(['-h']), parseOptions(['--help'])]).toEqual([{ kind: 'help' }, { kind: 'help' }]);
  });

  it.each([
    [[], /name the workbook to prioritise/],
    [['a.xlsx', 'b.xlsx'], /one workbook at a time/],
    [['a.xlsx', '--colour'], /unknown option --colour/],
    [['a.xlsx', '--out'], /--out needs a value/],
    [['a.xlsx', '--out', 'plan.csv'], /--out must end in \.xlsx/],
    [['a.xlsx', '--out', './a.xlsx'], /--out must differ from the input/],
    [['macros.xlsm', '--out', 'plan.xlsx'], /--out must end in \.xlsm, as the input does: the copy keeps its macros/],
    [['a.xlsx', '--out', 'plan.xlsm'], /--out must end in \.xlsx, as the input does/],
    [['a.xlsx', '--by', '  '], /--by needs a name/],
    [['a.xlsx', '--map', 'Baseline method=Proof', '--map', 'baseline METHOD=Evidence'], /--map names Baseline method twice \("Proof" and "Evidence"\); give it once/],
  ])('rejects %j as a usage error', (argv, message) => {
    const parsed = parseOptions(argv as string[]);
    expect(parsed.kind).toBe('usage-error');
    expect(parsed.kind === 'usage-error' && parsed.message).toMatch(message);
  });

  it('remembers --json on a usage error, so the error is printed as JSON too', () => {
    expect(parseOptions(['--json'])).toMatchObject({ kind: 'usage-error', json: true });
  });
});

describe('the help text', () => {
  const optionLines = USAGE.split('\n').filter((line) => /^ {2}-/.test(line));
  const options = optionLines.map((line) => line.trim().split(/\s+/)[0]!);

  it('starts every option\'s description in one column, as the lines after them do', () => {
    const columns = optionLines.filter((line) => /^ {2}\S.*?\s{2,}\S/.test(line)).map((line) => /^ {2}\S.*?\s{2,}(?=\S)/.exec(line)![0].length);
    const continued = USAGE.split('\n').filter((line) => /^ {5,}\S/.test(line)).map((line) => line.length - line.trimStart().length);
    expect(new Set([...columns, ...continued])).toEqual(new Set([21]));
  });

  it('names every option of the list in its usage lines', () => {
    const usage = USAGE.split('\n').filter((line) => /^\s*(Usage|or):/.test(line));
    expect(usage).toHaveLength(2);
    for (const line of usage) for (const option of options.filter((o) => o.startsWith('--') && o !== '--help')) expect(line).toContain(`[${option}`);
  });
});
