/**
 * The `icc` command line (run with `npx icc …`). Bad input exits with code 2 and a message
 * naming the field; anything unexpected exits with code 1.
 */
import { Command, CommanderError } from 'commander';
import { planDayCommand } from './commands/plan-day.ts';
import { describeInputError } from './describe-input-error.ts';

const program = new Command('icc')
  .description('ICC scheduling engine: plan integrated care centre days from the command line.')
  .exitOverride();

program
  .command('plan-day')
  .description('Plan one ICC day from a problem document (JSON) and print the timetable.')
  .argument('<problem.json>', 'day problem document (see schemas/day-problem.schema.json)')
  .option('--time-limit <s>', 'time limit in seconds', '5')
  .option('--seed <n>', 'random seed (same seed and input, same plan)', '1')
  .option('--json', 'print the plan as JSON instead of a timetable')
  .action(planDayCommand);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  const input = describeInputError(error);
  if (input) {
    process.stderr.write(`icc: ${input}\n`);
    process.exit(2);
  }
  process.stderr.write(`icc: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
}
