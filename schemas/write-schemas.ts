// `npm run schema`: regenerates the JSON Schema files in this folder from the zod schemas.
// A test fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { renderDayProblemJsonSchema } from '../src/domain/day-problem-schema.ts';

const target = new URL('./day-problem.schema.json', import.meta.url);
writeFileSync(target, renderDayProblemJsonSchema());
process.stdout.write(`wrote ${target.pathname}\n`);
