// Reading and writing a `.faultline.json` (the schema is workspace-schema.ts), and telling the
// user, in words, which of its inputs are no longer the files it was saved with.
import type { z } from 'zod';
import { FaultlineError } from '../errors.ts';
import {
  WORKSPACE_VERSION,
  workspaceSchema,
  type Workspace,
  type WorkspaceFile,
  type WorkspaceInput,
  type WorkspaceSide,
} from './workspace-schema.ts';

export type {
  Workspace,
  WorkspaceFile,
  WorkspaceInput,
  WorkspaceSide,
} from './workspace-schema.ts';

function fieldError(issues: z.core.$ZodIssue[], origin: string): FaultlineError {
  const issue = issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the top level';
  // A bad record key's own message ("not a view name") sits one level down.
  const inner = issue?.code === 'invalid_key' ? issue.issues[0] : undefined;
  const message = inner?.message ?? issue?.message ?? 'not a Faultline workspace';
  return new FaultlineError({
    code: 'bad_argument',
    file: origin,
    message: `${origin}: ${where}: ${message}`,
  });
}

/**
 * The workspace as `.faultline.json` text: checked against the format first (a bad field throws
 * `bad_argument` naming it), then printed with two-space indents, fields in the format's order
 * and keyed records sorted, so the same state always gives the same text.
 */
export function workspaceToJson(w: WorkspaceInput): string {
  const checked = workspaceSchema.safeParse(w);
  if (!checked.success) throw fieldError(checked.error.issues, 'workspace');
  return `${JSON.stringify(checked.data, null, 2)}\n`;
}

function checkVersion(data: unknown, fileName: string): void {
  const fail = (message: string) =>
    new FaultlineError({
      code: 'bad_argument',
      file: fileName,
      message: `${fileName}: ${message}`,
    });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw fail('not a Faultline workspace (expected a JSON object with a "version")');
  }
  const version = (data as { version?: unknown }).version;
  if (version === undefined) {
    throw fail('not a Faultline workspace (it has no "version" field)');
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > WORKSPACE_VERSION) {
    throw fail(
      `version ${version} was written by a newer Faultline; this one reads version ${WORKSPACE_VERSION}: update Faultline to open it`,
    );
  }
  if (version !== WORKSPACE_VERSION) {
    throw fail(
      `version: ${JSON.stringify(version)} is not a workspace version (this Faultline reads version ${WORKSPACE_VERSION})`,
    );
  }
}

/**
 * A `.faultline.json`'s text as a Workspace, defaults filled in. Bad JSON throws `malformed_json`;
 * a newer or unknown version, or any bad field, throws `bad_argument` naming the field and file.
 */
export function parseWorkspace(text: string, fileName: string): Workspace {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FaultlineError({
      code: 'malformed_json',
      file: fileName,
      message: `${fileName}: not valid JSON (${reason})`,
    });
  }
  checkVersion(data, fileName);
  const parsed = workspaceSchema.safeParse(data);
  if (!parsed.success) throw fieldError(parsed.error.issues, fileName);
  return parsed.data;
}

/** What was found for a saved input: its hash now (null: the file is missing) and where. */
export interface FoundInput {
  side: WorkspaceSide;
  sha256: string | null;
  path: string | null;
}

/** One saved input against what was found for it. */
export interface InputCheck {
  side: WorkspaceSide;
  name: string;
  status: 'same' | 'changed' | 'missing';
  saved_sha256: string;
  found_sha256: string | null;
  /** In words, for the user: what changed and what it means. */
  message: string;
}

const short = (hash: string, length = 4) => `${hash.slice(0, length)}…`;

/** The shortest prefixes (4 digits at least) that tell two different hashes apart. */
function shortPair(a: string, b: string): [string, string] {
  let length = 4;
  while (length < a.length && a.slice(0, length) === b.slice(0, length)) length += 4;
  return [short(a, length), short(b, length)];
}

function check(saved: WorkspaceFile, found: FoundInput | undefined): InputCheck {
  const base = { side: saved.side, name: saved.name, saved_sha256: saved.sha256 };
  if (found === undefined || found.sha256 === null) {
    const where =
      saved.path === null
        ? 'the workspace was saved in a browser, which keeps no paths: open the file again'
        : `it was at ${saved.path}`;
    return {
      ...base,
      status: 'missing',
      found_sha256: null,
      message: `${saved.name} is missing (${where})`,
    };
  }
  if (found.sha256 === saved.sha256) {
    return {
      ...base,
      status: 'same',
      found_sha256: found.sha256,
      message: `${saved.name} is the file the workspace was saved with (sha256 ${short(saved.sha256)})`,
    };
  }
  const [before, after] = shortPair(saved.sha256, found.sha256);
  return {
    ...base,
    status: 'changed',
    found_sha256: found.sha256,
    message: `${saved.name} changed since the workspace was saved (sha256 ${before} → ${after}): its numbers will differ`,
  };
}

/**
 * Each saved input against what was found: the k-th saved file of a side is compared with the
 * k-th found entry of that side, and one with nothing found (or a null hash) is missing.
 */
export function compareInputs(
  saved: readonly WorkspaceFile[],
  found: readonly FoundInput[],
): InputCheck[] {
  const foundBySide = new Map<WorkspaceSide, FoundInput[]>();
  for (const entry of found) {
    foundBySide.set(entry.side, [...(foundBySide.get(entry.side) ?? []), entry]);
  }
  const seen = new Map<WorkspaceSide, number>();
  return saved.map((file) => {
    const index = seen.get(file.side) ?? 0;
    seen.set(file.side, index + 1);
    return check(file, foundBySide.get(file.side)?.[index]);
  });
}
