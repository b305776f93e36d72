// The `.faultline.json` format, version 1, as zod schemas: the one source of the Workspace type,
// used to read a file, to check what is written, and on the IPC channels that carry one.
import { z } from 'zod';
import { FaultlineError } from '../errors.ts';
import { guardrailsFrom } from '../analyses/canary/canary-guardrails.ts';
import type { Pin } from '../investigation/investigation.ts';
import type { ColumnKind } from '../schema/column-kind.ts';
import type { ColumnRole } from '../schema/column-role.ts';
import type { SchemaOverrides } from '../schema/dataset-schema.ts';
import type { Task } from '../schema/task.ts';
import type { FileFormat } from '../engine/detect-format.ts';
import { predicateSchema } from '../sql/predicate-schema.ts';
import { hasControlCharacters } from '../text/control-characters.ts';
import { plainObjectProblem, sortedKeys, type PlainObject } from './plain-json.ts';

/** The version this Faultline writes and reads. */
export const WORKSPACE_VERSION = 1;

/** The file name ending a saved workspace carries. */
export const WORKSPACE_EXTENSION = '.faultline.json';

// Records with every member of a union as a key: adding a role, kind, task or operator elsewhere
// fails to compile here until the workspace format accepts it too.
const roles: Record<ColumnRole, true> = {
  id: true,
  time: true,
  label: true,
  score: true,
  prediction: true,
  model: true,
  feature: true,
  ignored: true,
};
const kinds: Record<ColumnKind, true> = {
  numeric: true,
  categorical: true,
  datetime: true,
  text: true,
};
const taskNames: Record<Task, true> = { binary: true, multiclass: true, regression: true };
const formats: Record<FileFormat, true> = {
  csv: true,
  tsv: true,
  parquet: true,
  jsonl: true,
  json: true,
  arrow: true,
};

const enumOf = <T extends string>(members: Record<T, true>) =>
  z.enum(Object.keys(members) as [T, ...T[]]);

// The renderer checks saved predicates with it too (it may not import shared/sql).
export { predicateSchema };

/** Which input a file was: the app's three sides, and a canary's two files. */
export const workspaceSideSchema = z.enum(['reference', 'current', 'log', 'baseline', 'canary']);
export type WorkspaceSide = z.infer<typeof workspaceSideSchema>;

const noControls = (text: string) => !hasControlCharacters(text);
const displayText = z.string().min(1).max(1024).refine(noControls, 'control characters');
const columnName = z.string().min(1).max(4096);
const isAbsolutePath = (p: string) => p.startsWith('/') || /^([A-Za-z]:[\\/]|\\\\)/.test(p);

/** A record keyed by column names, limited in size and printed in sorted key order. */
const columnRecord = <T extends string>(values: z.ZodType<T, T>) =>
  z
    .record(columnName, values)
    .refine((r) => Object.keys(r).length <= 10_000, 'more than 10000 columns')
    .transform((r) => sortedKeys(r) as Record<string, T>);

const overridesSchema: z.ZodType<SchemaOverrides, SchemaOverrides> = z.strictObject({
  roles: columnRecord(enumOf(roles)).optional(),
  kinds: columnRecord(enumOf(kinds)).optional(),
  task: enumOf(taskNames).optional(),
  positive: z.string().max(4096).optional(),
});

const predicates = z.array(predicateSchema).max(1000);

const pinSchema: z.ZodType<Pin, Pin> = z.strictObject({
  kind: z.enum(['slice', 'cohort']),
  name: z.string().min(1).max(4096),
  predicates,
});

// Checked by the guardrails' own rules (one definition); its message already names the field
// inside the guardrails, so only this prefix is taken off before the file's path is added.
const GUARDRAILS_ORIGIN = 'guardrails';
const guardrailsSchema = z.unknown().transform((value, ctx) => {
  try {
    return guardrailsFrom(value, GUARDRAILS_ORIGIN);
  } catch (error) {
    const message = error instanceof FaultlineError ? error.message : String(error);
    ctx.addIssue({ code: 'custom', message: message.replace(`${GUARDRAILS_ORIGIN}: `, '') });
    return z.NEVER;
  }
});

const canarySchema = z.strictObject({
  baseline: z.string().max(4096).nullable(),
  canary: z.string().max(4096).nullable(),
  by: z.array(columnName).max(1000).nullable(),
  design: z.enum(['split', 'shadow', 'auto']),
  window: z.enum(['day', 'week', 'month', 'auto']),
  guardrails: guardrailsSchema,
  picked: z.strictObject({ from: predicates, cohort: predicates }).nullable(),
});

// Typed `object` going in, so a view's choices interface can be passed as it is.
const plainObjectSchema = z
  .custom<object>()
  .superRefine((value, ctx) => {
    const problem = plainObjectProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', ...problem });
  })
  .transform((value) => sortedKeys(value as PlainObject));

/** One input as it was when the workspace was saved. */
export const workspaceFileSchema = z.strictObject({
  side: workspaceSideSchema,
  /** Its name as shown: "production.parquet". */
  name: displayText,
  /** Absolute, or null when saved in a browser (which never knows a file's path). */
  path: z
    .string()
    .max(4096)
    .refine(noControls, 'control characters')
    .refine(isAbsolutePath, 'not an absolute path')
    .nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'not a sha256 (64 lowercase hex digits)'),
  size: z.int().nonnegative(),
  rows: z.int().nonnegative(),
  format: enumOf(formats),
});
export type WorkspaceFile = z.infer<typeof workspaceFileSchema>;

/** A whole `.faultline.json`; fields after `files` may be left out and take their defaults. */
export const workspaceSchema = z.strictObject({
  version: z.literal(WORKSPACE_VERSION),
  /** When it was saved (ISO 8601, passed in by the caller: the core reads no clock). */
  saved_at: z.iso.datetime({ offset: true }),
  files: z.array(workspaceFileSchema).max(1000),
  /** The user's role and kind corrections for the dataset of each side. */
  overrides: z.partialRecord(workspaceSideSchema, overridesSchema).default({}),
  /** The active cohort filter (ANDed); empty: every row. */
  cohort: predicates.default([]),
  /** The Canary view's choices, guardrails included; null: the defaults. */
  canary: canarySchema.nullable().default(null),
  /** Other views' choices by name (performance, calibration, slices…); each view checks its own. */
  choices: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'not a view name'), plainObjectSchema)
    .refine((r) => Object.keys(r).length <= 64, 'more than 64 entries')
    .transform((r) => sortedKeys(r))
    .default({}),
  pins: z.array(pinSchema).max(1000).default([]),
  notes: z.string().max(1_000_000).default(''),
  /** The view shown when it was saved, by its registry id. */
  active_view: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/, 'not a view id')
    .nullable()
    .default(null),
});

/** An investigation's saved state, as read (defaults filled in). */
export type Workspace = z.output<typeof workspaceSchema>;
/** What a workspace may be written from: defaulted fields optional, guardrails partial. */
export type WorkspaceInput = z.input<typeof workspaceSchema>;
export type WorkspaceCanaryChoices = z.output<typeof canarySchema>;
