#!/usr/bin/env node
// Until the desktop shell lands, `npm start` shows the bundled sample through the same core the
// app will use: what each column is, the task, and what is wrong with the data.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/main.ts');
const files = process.argv.slice(2);
const targets = files.length
  ? files
  : ['samples/data/training.parquet', 'samples/data/production.parquet'];
let code = 0;
for (const file of targets) {
  code = Math.max(
    code,
    await runCli(['inspect', file], {
      stdout: (t) => process.stdout.write(t + '\n'),
      stderr: (t) => process.stderr.write(t),
    }),
  );
}
process.stdout.write(
  'The desktop window (Electron) and the browser app (npm run web) come with the app shell; ' +
    'meanwhile the same core runs from the command line: npx faultline --help\n',
);
process.exitCode = code;
