// The hazard log (docs/clinical-safety/hazard-log.md) must stay true to the code: every control
// file it names exists, every test it names exists under that exact name in that file (read with
// the TypeScript parser, not a text search), and every risk follows the DCB0129 matrix. The
// safety case report's residual-risk table must agree with the log, and the report must say
// that no Clinical Safety Officer has signed it and what the deployer must do (DCB0160).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const logText = readFileSync(`${root}docs/clinical-safety/hazard-log.md`, 'utf8');
const reportText = readFileSync(`${root}docs/clinical-safety/safety-case-report.md`, 'utf8');

const severities = ['Minor', 'Significant', 'Considerable', 'Major', 'Catastrophic'] as const;
const likelihoods = ['Very low', 'Low', 'Medium', 'High', 'Very high'] as const;
/** DCB0129 risk matrix: [likelihood 1..5][severity 1..5]. */
const matrix = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 4],
  [2, 2, 3, 3, 4],
  [2, 3, 3, 4, 5],
  [3, 4, 4, 5, 5],
];

interface Hazard {
  id: string;
  title: string;
  fields: Map<string, string>;
  tests: { file: string; name: string }[];
}

/** "### H3 — Title" sections, their "- **Field:** value" lines and the "  - `file` › name" test lines. */
function parseHazardLog(text: string): Hazard[] {
  const sections = text.split(/^### /m).slice(1);
  return sections.map((section) => {
    const [heading = '', ...lines] = section.split('\n');
    const match = /^(H\d+) — (.+)$/.exec(heading.trim());
    if (!match) throw new Error(`hazard heading not "H<n> — title": ${heading}`);
    const fields = new Map<string, string>();
    const tests: Hazard['tests'] = [];
    for (const line of lines) {
      const field = /^- \*\*([^:*]+):\*\*\s*(.*)$/.exec(line);
      if (field) fields.set(field[1]!, field[2]!);
      const test = /^ {2}- `([^`]+)` › (.+)$/.exec(line);
      if (test) tests.push({ file: test[1]!, name: test[2]!.trim() });
    }
    return { id: match[1]!, title: match[2]!, fields, tests };
  });
}

/** The names of every it()/test() in a test file whose name is a plain string. */
function testNames(file: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['it', 'test'].includes(node.expression.text)) {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) names.add(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

function rated(value: string | undefined, what: string): { likelihood: number; risk: number } {
  const match = /^(Very low|Low|Medium|High|Very high) \((\d)\), risk (\d)$/.exec(value ?? '');
  if (!match) throw new Error(`${what}: expected "<likelihood> (<n>), risk <r>", got ${JSON.stringify(value)}`);
  expect(likelihoods.indexOf(match[1] as (typeof likelihoods)[number]) + 1, `${what} likelihood number`).toBe(Number(match[2]));
  return { likelihood: Number(match[2]), risk: Number(match[3]) };
}

const hazards = parseHazardLog(logText);

describe('hazard log', () => {
  it('has at least 15 hazards numbered H1, H2, … in order', () => {
    expect(hazards.length).toBeGreaterThanOrEqual(15);
    expect(hazards.map((h) => h.id)).toEqual(hazards.map((_, i) => `H${i + 1}`));
  });

  it('gives every hazard its cause, effect, severity, risk before and after, controls and at least one test', () => {
    for (const hazard of hazards) {
      for (const field of ['Cause', 'Effect', 'Severity', 'Before', 'Controls', 'After']) {
        expect(hazard.fields.get(field)?.length ?? 0, `${hazard.id} ${field}`).toBeGreaterThan(10 - (field === 'Severity' ? 5 : 0));
      }
      expect(hazard.tests.length, `${hazard.id} tests`).toBeGreaterThan(0);
    }
  });

  it('rates every risk by the DCB0129 matrix, and no control raises a risk', () => {
    for (const hazard of hazards) {
      const severity = /^(Minor|Significant|Considerable|Major|Catastrophic) \((\d)\)$/.exec(hazard.fields.get('Severity') ?? '');
      expect(severity, `${hazard.id} severity`).not.toBeNull();
      const s = Number(severity![2]);
      expect(severities.indexOf(severity![1] as (typeof severities)[number]) + 1, `${hazard.id} severity number`).toBe(s);
      const before = rated(hazard.fields.get('Before'), `${hazard.id} Before`);
      const after = rated(hazard.fields.get('After'), `${hazard.id} After`);
      expect(before.risk, `${hazard.id} risk before`).toBe(matrix[before.likelihood - 1]![s - 1]);
      expect(after.risk, `${hazard.id} risk after`).toBe(matrix[after.likelihood - 1]![s - 1]);
      expect(after.risk, `${hazard.id} residual`).toBeLessThanOrEqual(before.risk);
    }
  });

  it('names only control files that exist', () => {
    const missing: string[] = [];
    for (const hazard of hazards) {
      const files = [...(hazard.fields.get('Controls') ?? '').matchAll(/`([^`]+\.ts)`/g)].map((m) => m[1]!);
      expect(files.length, `${hazard.id} names a control file`).toBeGreaterThan(0);
      for (const file of files) if (!existsSync(`${root}${file}`)) missing.push(`${hazard.id}: ${file}`);
    }
    expect(missing).toEqual([]);
  });

  it('names only tests that exist, by their exact name in that file', () => {
    const missing: string[] = [];
    const cache = new Map<string, Set<string>>();
    for (const hazard of hazards) {
      for (const { file, name } of hazard.tests) {
        if (!existsSync(`${root}${file}`)) {
          missing.push(`${hazard.id}: no file ${file}`);
          continue;
        }
        if (!cache.has(file)) cache.set(file, testNames(`${root}${file}`));
        if (!cache.get(file)!.has(name)) missing.push(`${hazard.id}: no test "${name}" in ${file}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('fails for a hazard naming a test that does not exist (the check itself works)', () => {
    const [fake] = parseHazardLog('### H1 — x\n- **Cause:** y\n- **Tests:**\n  - `test/src/config.test.ts` › a test nobody wrote\n');
    expect(fake!.tests).toEqual([{ file: 'test/src/config.test.ts', name: 'a test nobody wrote' }]);
    expect(testNames(`${root}test/src/config.test.ts`).has('a test nobody wrote')).toBe(false);
    expect(testNames(`${root}test/src/config.test.ts`).has('listens on 127.0.0.1 unless HOST says otherwise')).toBe(true);
  });

  it('covers each hazard the issue names (one title each)', () => {
    const named: Record<string, RegExp> = {
      'a patient not collected': /not collected/i,
      'a wheelchair user without a wheelchair space': /wheelchair/i,
      'bloods not back before the review': /bloods/i,
      'a clinician double-booked after a replan': /double-booked/i,
      'a pinned activity silently dropped': /pinned activity/i,
      'a wrong time after the clock change': /clock change/i,
      'a feed leaking a name': /feed leaks/i,
      'a run sheet from a stale plan': /run sheet .*stale/i,
      'dietary needs lost': /dietary needs/i,
      'over the maximum ride time': /maximum ride time/i,
      'a job failing silently': /job fails silently/i,
    };
    const uncovered = Object.entries(named).filter(([, title]) => !hazards.some((h) => title.test(h.title))).map(([what]) => what);
    expect(uncovered).toEqual([]);
  });

  it("the safety case report's residual-risk table lists every hazard once, at the risk the log gives it after controls", () => {
    const table = new Map<string, number>();
    for (const [, risk, ids] of reportText.matchAll(/^\| (\d) \([^)]*\) \| ([^|]*) \|$/gm)) {
      for (const id of ids!.match(/H\d+/g) ?? []) {
        expect(table.has(id), `${id} listed twice`).toBe(false);
        table.set(id, Number(risk));
      }
    }
    expect(Object.fromEntries(table)).toEqual(Object.fromEntries(hazards.map((h) => [h.id, rated(h.fields.get('After'), h.id).risk])));
  });

  it('the report says plainly that no Clinical Safety Officer has signed it, and lists what the deployer must do under DCB0160', () => {
    expect(reportText).toMatch(/not reviewed by a Clinical Safety Officer/);
    expect(reportText).toMatch(/Manufacturer's Clinical Safety Officer \(DCB0129\) \| not yet appointed; not reviewed/);
    const deployer = reportText.split(/^## What the deployer must do \(DCB0160\)$/m)[1] ?? '';
    const steps = deployer.match(/^\d+\. \*\*[^*]+\*\*/gm) ?? [];
    expect(steps.map((step) => step.replace(/^\d+\. /, ''))).toEqual(expect.arrayContaining(['**Appoint its own Clinical Safety Officer**', '**Write its own clinical risk management file and safety case**']));
  });
});
