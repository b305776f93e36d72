/** CLI.md's exit codes: scripts gate deployments on them. */
export const exitCodes = {
  ok: 0,
  gateFailed: 1,
  badInput: 2,
} as const;
