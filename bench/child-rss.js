// Preloaded into a timed CLI process (NODE_OPTIONS --import): at exit, its peak RSS in bytes goes
// to the file the bench named, since a parent cannot read a finished child's peak.
import { writeFileSync } from 'node:fs';

const out = process.env.FAULTLINE_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS * 1024)));
}
