import type { Progress } from '../shared/engine/engine.ts';

/**
 * Progress on stderr, one line rewritten in place, only on a terminal and never under CI
 * (CLI.md: stdout stays clean for `--json`).
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): {
  onProgress: (p: Progress) => void;
  done: () => void;
} {
  const enabled = stream.isTTY === true && !process.env.CI;
  let shown = false;
  return {
    onProgress(p) {
      if (!enabled) return;
      const of = p.total !== undefined ? ` (${p.done + 1} of ${p.total} ${p.unit ?? ''})` : '';
      stream.write(`\r\x1b[2K${p.phase}${of.trimEnd()}…`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
