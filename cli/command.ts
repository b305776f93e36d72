/** What a command hands back to main: text for people, JSON for `--json`, and an exit code. */
export interface CommandOutput {
  text: string;
  json: unknown;
  exitCode: number;
}
