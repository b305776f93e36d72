// `--guardrails FILE`: the user's JSON of canary limits, read and checked before any data file is
// opened, so a typo fails at once with the file, the line and the field at fault.
import {
  guardrailsFrom,
  type CanaryGuardrails,
} from '../shared/analyses/canary/canary-guardrails.ts';
import { FaultlineError } from '../shared/errors.ts';
import { readFlagFile } from './flag-file.ts';

const flag = '--guardrails';

/** Line and column (1-based) of JSON.parse's `at position N`, when its message gives one. */
function parsePosition(text: string, message: string): { line: number; column: number } | null {
  const at = /at position (\d+)/.exec(message);
  if (at === null) return null;
  const before = text.slice(0, Number(at[1])).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** The defaults with FILE's overrides merged in; bad usage (exit 2) when FILE is not valid. */
export function readGuardrailsFile(file: string): CanaryGuardrails {
  const text = readFlagFile(flag, file, 'a JSON file');
  let overrides: unknown;
  try {
    overrides = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = parsePosition(text, message);
    // V8 appends the position (and on newer Node the line) to its message: said once, up front.
    const what = message.replace(/,? (in JSON )?at position \d+.*$/, '');
    const where = at !== null ? `line ${at.line}, column ${at.column}: ` : '';
    throw new FaultlineError({
      code: 'malformed_json',
      file,
      ...(at !== null ? { line: at.line } : {}),
      message: `${flag} ${file}: not JSON: ${where}${what}`,
    });
  }
  return guardrailsFrom(overrides, `${flag} ${file}`);
}
