import { FaultlineError } from '../shared/errors.ts';
import type { Engine } from '../shared/engine/engine.ts';
import { engineUsage, startEngine, takeEngineFlag, type EngineKind } from './engine-choice.ts';
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

${engineUsage}

exit codes: 0 done, 1 a gate failed, 2 bad usage or bad input`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs one CLI invocation and returns its exit code; never throws for bad input. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let engineKind: EngineKind;
  let args: string[];
  try {
    ({ engine: engineKind, rest: args } = takeEngineFlag(argv));
  } catch (e) {
    io.stderr(`faultline: ${e instanceof Error ? e.message : String(e)}\n`);
    return exitCodes.badInput;
  }
  const [name, ...rest] = args;
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
  const lazyEngine = () => (started.engine ??= startEngine(engineKind));
  try {
    const wantsJson = rest.includes('--json');
    const out = await command.run(lazyEngine, rest);
    // A command's help is its usage; the global options follow it.
    if (out.text === command.usage) out.text += `\n\n${engineUsage}`;
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
    // An engine that failed to start has nothing to close; its error was already reported.
    const engine = await started.engine?.catch(() => null);
    if (engine) await engine.close();
  }
}
