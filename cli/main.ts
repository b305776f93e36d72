import { FaultlineError } from '../shared/errors.ts';
import { createNodeEngine } from '../shared/engine/duckdb.node.ts';
import type { Engine } from '../shared/engine/engine.ts';
import { exitCodes } from './exit-codes.ts';
import type { CommandOutput } from './command.ts';
import { calibrationCommand, calibrationUsage } from './commands/calibration.ts';
import { canaryCommand, canaryUsage } from './commands/canary.ts';
import { checkCommand, checkUsage } from './commands/check.ts';
import { driftCommand, driftUsage } from './commands/drift.ts';
import { fixturesCommand, fixturesUsage } from './commands/fixtures.ts';
import { inspectCommand, inspectUsage } from './commands/inspect.ts';
import { performanceCommand, performanceUsage } from './commands/performance.ts';
import { reportCommand, reportUsage } from './commands/report.ts';
import { slicesCommand, slicesUsage } from './commands/slices.ts';

type Command = (engine: () => Promise<Engine>, argv: string[]) => Promise<CommandOutput>;

const commands: Record<string, { run: Command; usage: string }> = {
  inspect: { run: inspectCommand, usage: inspectUsage },
  drift: { run: driftCommand, usage: driftUsage },
  performance: { run: performanceCommand, usage: performanceUsage },
  calibration: { run: calibrationCommand, usage: calibrationUsage },
  slices: { run: slicesCommand, usage: slicesUsage },
  canary: { run: canaryCommand, usage: canaryUsage },
  report: { run: reportCommand, usage: reportUsage },
  fixtures: { run: fixturesCommand, usage: fixturesUsage },
  check: { run: checkCommand, usage: checkUsage },
};

const usage = `usage: faultline COMMAND [options]   (faultline COMMAND --help for its options)

commands:
${Object.values(commands)
  .map((c) => '  ' + c.usage.split('\n')[0])
  .join('\n')}

exit codes: 0 done, 1 a gate failed, 2 bad usage or bad input`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs one CLI invocation and returns its exit code; never throws for bad input. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage + '\n');
    return name === undefined ? exitCodes.badInput : exitCodes.ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`faultline: unknown command '${name}'\n${usage}\n`);
    return exitCodes.badInput;
  }
  const started: { engine?: Promise<Engine> } = {};
  // Created on first use, so bad usage is reported before the engine's start-up cost.
  const lazyEngine = () => (started.engine ??= createNodeEngine());
  try {
    const wantsJson = rest.includes('--json');
    const out = await command.run(lazyEngine, rest);
    io.stdout(
      wantsJson && out.json !== null ? JSON.stringify(out.json, null, 2) + '\n' : out.text + '\n',
    );
    return out.exitCode;
  } catch (e) {
    if (e instanceof FaultlineError) {
      io.stderr(`faultline: ${e.message}\n`);
      return exitCodes.badInput;
    }
    io.stderr(`faultline: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.FAULTLINE_DEBUG && e instanceof Error) io.stderr(`${e.stack}\n`);
    return exitCodes.badInput;
  } finally {
    if (started.engine) await (await started.engine).close();
  }
}
