// A small text file a flag names (`--guardrails FILE`, `--notes FILE`), read whole before any data
// file is opened, with one line naming the flag and the file when it cannot be.
import { readFileSync } from 'node:fs';
import { FaultlineError } from '../shared/errors.ts';

/** FILE's text; `what` says what it should have been ("a JSON file") when it is a folder. */
export function readFlagFile(flag: string, file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FaultlineError({
      code: 'file_not_found',
      file,
      message:
        code === 'ENOENT'
          ? `${flag} ${file}: no such file`
          : code === 'EISDIR'
            ? `${flag} ${file}: a folder, not ${what}`
            : `${flag} ${file}: cannot be read (${(e as Error).message})`,
    });
  }
}
