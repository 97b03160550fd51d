import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { constraintRegistry } from '../../../solver/constraints/registry.ts';

const constraintsDir = fileURLToPath(new URL('../../../solver/constraints/', import.meta.url));
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe('constraintRegistry', () => {
  for (const level of ['hard', 'soft'] as const) {
    it(`lists every ${level} constraint file exactly once, at its level`, () => {
      const files = readdirSync(`${constraintsDir}${level}`).filter((f) => f.endsWith('.ts')).map((f) => `${level}/${f}`).sort();
      const listed = constraintRegistry[level].map((c) => c.file).sort();
      expect(listed).toEqual(files);
      for (const c of constraintRegistry[level]) expect(c.level).toBe(level);
    });

    it(`names each ${level} constraint after its function and file, with a description and a test file`, () => {
      const testsDir = fileURLToPath(new URL(`./${level}/`, import.meta.url));
      const tests = new Set(readdirSync(testsDir));
      for (const c of constraintRegistry[level]) {
        expect(c.evaluate.name).toBe(c.name);
        expect(c.file).toBe(`${level}/${kebab(c.name)}.ts`);
        expect(c.description.length).toBeGreaterThan(10);
        expect(tests.has(`${kebab(c.name)}.test.ts`)).toBe(true);
      }
    });
  }

  it('has unique names', () => {
    const names = [...constraintRegistry.hard, ...constraintRegistry.soft].map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
