import fs from 'node:fs';
import path from 'node:path';

// Comments cite the domain description in the repository: "docs/domain.md §2" (a numbered
// section), "docs/domain.md glossary", and "docs/domain.md, source 001 §7.4" (a section of a
// source document, summarised under its own heading in docs/domain.md). The source documents
// themselves are not in the repository, so a citation of them, or of the domain brief they came
// with, would lead a reader nowhere. This test keeps every citation pointing at a heading that
// exists.

const ROOT = path.join(__dirname, '..');
const DOC = 'docs/domain.md';
const SCANNED_DIRS = ['apps', 'libs', 'test', 'scripts'];
const SCANNED_EXTENSIONS = ['.ts', '.mjs', '.cjs'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'tools', '.data', 'coverage', 'tmp']);
// This file spells out the forbidden forms in its own examples.
const SELF = path.relative(ROOT, __filename).split(path.sep).join('/');

interface Finding {
  file: string;
  line: number;
  problem: string;
}

/** What docs/domain.md has headings for: "§2", "glossary", "001", "001 §7.4". */
function headingKeys(markdown: string): Set<string> {
  const keys = new Set<string>();
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6}\s+(.+)$/.exec(line);
    if (!heading) continue;
    const text = heading[1]!.trim();
    const section = /^(?:(\d{3})\s+)?§(\d+(?:\.\d+)*)/.exec(text);
    if (section) keys.add(section[1] ? `${section[1]} §${section[2]}` : `§${section[2]}`);
    const source = /^(\d{3})(?!\d)/.exec(text);
    if (source) keys.add(source[1]!);
    if (/^glossary\b/i.test(text)) keys.add('glossary');
  }
  return keys;
}

/**
 * A comment may continue a citation on its next line ("source 001\n * §7.4"): the comment
 * leaders at the start of a line are blanked out (same length, so offsets keep their line),
 * and the patterns below let whitespace include line breaks.
 */
function blankCommentLeaders(text: string): string {
  return text.replace(
    /^([ \t]*)(\/\/+|\/\*\*?|\*(?!\/))/gm,
    (_m, indent: string, leader: string) => `${indent}${' '.repeat(leader.length)}`,
  );
}

const OUTSIDE: [RegExp, string][] = [
  [/\bDOMAIN\b(?:\.md)?/g, 'cites the domain brief outside the repository; cite docs/domain.md'],
  [/\bseeds?\s+00\d\b/gi, 'cites a seed document; cite "docs/domain.md, source 00x §N"'],
  [/\bseeds\/|\.\.\/shared\b/g, 'points outside the repository'],
  [
    /(?<!(?:[Ss]ource|[Ss]eeds?)\s+)\b00[0-4]\s+§/g,
    'cites a source section without "docs/domain.md, source"',
  ],
];

const SECTION = String.raw`§\d+(?:\.\d+)*(?:\s*[–-]\s*\d+(?:\.\d+)*)?`;
const SOURCE_CITATION = new RegExp(
  String.raw`\bsource\s+(00\d)\b((?:\s*(?:,|;|/|and)?\s*${SECTION})*)`,
  'g',
);
const DOC_SECTION = /docs\/domain\.md\s+§(\d+(?:\.\d+)*)/g;
const DOC_GLOSSARY = /docs\/domain\.md\s+glossary\b/gi;

/** "§7, §7.1–7.2" → ["7", "7.1", "7.2"]. */
function sectionNumbers(list: string): string[] {
  const numbers: string[] = [];
  for (const m of list.matchAll(/§(\d+(?:\.\d+)*)(?:\s*[–-]\s*(\d+(?:\.\d+)*))?/g)) {
    numbers.push(m[1]!);
    if (m[2]) numbers.push(m[2]);
  }
  return numbers;
}

/** The citation problems of one file's text, each with its 1-based line. */
function checkCitations(file: string, text: string, keys: Set<string>): Finding[] {
  const findings: Finding[] = [];
  const flat = blankCommentLeaders(text);
  const lineOf = (index: number): number => flat.slice(0, index).split('\n').length;
  const add = (index: number, problem: string): void => {
    findings.push({ file, line: lineOf(index), problem });
  };

  for (const [pattern, problem] of OUTSIDE) {
    for (const m of flat.matchAll(pattern)) add(m.index!, `"${m[0]}" ${problem}`);
  }
  for (const m of flat.matchAll(DOC_SECTION)) {
    if (!keys.has(`§${m[1]}`)) add(m.index!, `${DOC} has no heading "§${m[1]}"`);
  }
  for (const m of flat.matchAll(DOC_GLOSSARY)) {
    if (!keys.has('glossary')) add(m.index!, `${DOC} has no heading "Glossary"`);
  }
  for (const m of flat.matchAll(SOURCE_CITATION)) {
    const source = m[1]!;
    const sections = sectionNumbers(m[2] ?? '');
    if (sections.length === 0 && !keys.has(source)) {
      add(m.index!, `${DOC} has no heading for source ${source}`);
    }
    for (const section of sections) {
      if (!keys.has(`${source} §${section}`)) {
        add(m.index!, `${DOC} has no heading "${source} §${section}"`);
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

function scannedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) files.push(...scannedFiles(full));
    } else if (SCANNED_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
      files.push(path.relative(ROOT, full).split(path.sep).join('/'));
    }
  }
  return files;
}

const format = (f: Finding): string => `${f.file}:${f.line}: ${f.problem}`;

describe('citations of docs/domain.md', () => {
  const keys = headingKeys(fs.readFileSync(path.join(ROOT, DOC), 'utf8'));

  it('resolve: every cited section has a heading, and nothing cites documents outside the repository', () => {
    const files = SCANNED_DIRS.flatMap((dir) => scannedFiles(path.join(ROOT, dir)))
      .filter((file) => file !== SELF)
      .map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), 'utf8') }));
    expect(files.length).toBeGreaterThan(100);
    const findings = files.flatMap(({ file, text }) => checkCitations(file, text, keys));
    expect(findings.map(format)).toEqual([]);
    // The code cites the document some hundred times; far fewer means the scan went blind.
    const citations = files.reduce(
      (n, { text }) => n + (text.match(/docs\/domain\.md/g) ?? []).length,
      0,
    );
    expect(citations).toBeGreaterThan(60);
  });

  it('has a heading for each cycle, the glossary and every source document', () => {
    expect([...keys]).toEqual(
      expect.arrayContaining([
        '§1',
        '§2',
        '§3',
        '§4',
        'glossary',
        '000',
        '001',
        '002',
        '003',
        '004',
      ]),
    );
  });

  it('links only to headings that exist in docs/domain.md', () => {
    const markdown = fs.readFileSync(path.join(ROOT, DOC), 'utf8');
    const slugs = new Set(
      markdown
        .split('\n')
        .map((line) => /^#{1,6}\s+(.+)$/.exec(line)?.[1])
        .filter((heading): heading is string => heading !== undefined)
        .map((heading) =>
          heading
            .trim()
            .toLowerCase()
            .replace(/[^\p{L}\p{N}\s_-]/gu, '')
            .replace(/\s/g, '-'),
        ),
    );
    const broken = [...markdown.matchAll(/\]\(#([^)]+)\)/g)]
      .map((m) => m[1]!)
      .filter((anchor) => !slugs.has(anchor));
    expect(broken).toEqual([]);
  });
});

describe('the citation check itself', () => {
  const keys = headingKeys(
    [
      '## §1 — Budget',
      '## Glossary',
      '### 001 — Plan',
      '### 001 §7.4 — Funds',
      '### 003 — Liemers',
    ].join('\n'),
  );
  const problems = (text: string): string[] =>
    checkCitations('x.ts', text, keys).map((f) => `${f.line}: ${f.problem}`);

  it('reads section, source and glossary headings', () => {
    expect([...keys].sort()).toEqual(['001', '001 §7.4', '003', 'glossary', '§1']);
  });

  it.each([
    '// docs/domain.md §1',
    '/** see docs/domain.md glossary */',
    '// (docs/domain.md §1; docs/domain.md, source 001 §7.4)',
    '// docs/domain.md, source 003: the Liemers',
    ' * (docs/domain.md, source 001\n * §7.4): continued on the next line',
    '// RFC 5545 §3.1 is not a source',
    'const DOMAIN_STATUS = 1;',
  ])('accepts %j', (text) => {
    expect(problems(text)).toEqual([]);
  });

  it.each<[string, string[]]>([
    [
      '// (DOMAIN §2)',
      ['1: "DOMAIN" cites the domain brief outside the repository; cite docs/domain.md'],
    ],
    [
      'x;\n// as DOMAIN.md says',
      ['2: "DOMAIN.md" cites the domain brief outside the repository; cite docs/domain.md'],
    ],
    [
      '// (seed 001 §7.4)',
      ['1: "seed 001" cites a seed document; cite "docs/domain.md, source 00x §N"'],
    ],
    [
      '// ../shared/seeds/001.txt',
      ['1: "../shared" points outside the repository', '1: "seeds/" points outside the repository'],
    ],
    ['// (001 §7.4)', ['1: "001 §" cites a source section without "docs/domain.md, source"']],
    ['// docs/domain.md §5', ['1: docs/domain.md has no heading "§5"']],
    ['// docs/domain.md, source 001 §7.4, §7.2', ['1: docs/domain.md has no heading "001 §7.2"']],
    ['// docs/domain.md, source 001 §7.1–7.4', ['1: docs/domain.md has no heading "001 §7.1"']],
    ['\n\n/* docs/domain.md, source 004 */', ['3: docs/domain.md has no heading for source 004']],
    [' * (docs/domain.md, source 001\n * §9.9)', ['1: docs/domain.md has no heading "001 §9.9"']],
  ])('refuses %j', (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});
