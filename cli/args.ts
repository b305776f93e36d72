import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FaultlineError } from '../shared/errors.ts';
import { columnKinds, type ColumnKind } from '../shared/schema/column-kind.ts';
import type { ColumnRole } from '../shared/schema/column-role.ts';
import { isWindowUnit, type WindowUnit } from '../shared/analyses/windows.ts';
import type { DatasetSchema, SchemaOverrides } from '../shared/schema/dataset-schema.ts';
import { tasks, type Task } from '../shared/schema/task.ts';

/** The role flags every command takes (CLI.md "Conventions"). */
export const roleOptions = {
  label: { type: 'string' },
  score: { type: 'string' },
  prediction: { type: 'string' },
  time: { type: 'string' },
  id: { type: 'string' },
  model: { type: 'string' },
  task: { type: 'string' },
  threshold: { type: 'string' },
  positive: { type: 'string' },
  kind: { type: 'string', multiple: true },
  delimiter: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

type RoleValues = { [K in keyof typeof roleOptions]?: string | boolean | string[] | undefined };

/** node:util's parseArgs, with its errors turned into the CLI's bad-usage error. */
export function parse<O extends ParseArgsConfig['options']>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: (e as Error).message.split('\n')[0] ?? String(e),
    });
  }
}

const roleFlags: [
  flag: 'label' | 'score' | 'prediction' | 'time' | 'id' | 'model',
  role: ColumnRole,
][] = [
  ['label', 'label'],
  ['score', 'score'],
  ['prediction', 'prediction'],
  ['time', 'time'],
  ['id', 'id'],
  ['model', 'model'],
];

/** How to open an input: the role/kind corrections and a CSV delimiter, from the flags. */
export function openOptions(values: RoleValues): {
  overrides: SchemaOverrides;
  delimiter?: string;
} {
  const delimiter = values.delimiter;
  return {
    overrides: schemaOverrides(values),
    ...(typeof delimiter === 'string' ? { delimiter } : {}),
  };
}

/** Role, kind and task flags → schema overrides, validated with a clear message. */
export function schemaOverrides(values: RoleValues): SchemaOverrides {
  const overrides: SchemaOverrides = {};
  const roles: Record<string, ColumnRole> = {};
  for (const [flag, role] of roleFlags) {
    const column = values[flag];
    if (typeof column === 'string') roles[column] = role;
  }
  if (Object.keys(roles).length) overrides.roles = roles;
  const kinds: Record<string, ColumnKind> = {};
  for (const spec of (values.kind as string[] | undefined) ?? []) {
    const at = spec.lastIndexOf('=');
    const kind = spec.slice(at + 1) as ColumnKind;
    if (at <= 0 || !columnKinds.includes(kind)) {
      throw new FaultlineError({
        code: 'bad_argument',
        message: `--kind ${spec}: expected COLUMN=${columnKinds.join('|')}`,
      });
    }
    kinds[spec.slice(0, at)] = kind;
  }
  if (Object.keys(kinds).length) overrides.kinds = kinds;
  if (typeof values.task === 'string') {
    if (!tasks.includes(values.task as Task)) {
      throw new FaultlineError({
        code: 'bad_argument',
        message: `--task ${values.task}: expected ${tasks.join(', ')}`,
      });
    }
    overrides.task = values.task as Task;
  }
  if (typeof values.positive === 'string') overrides.positive = values.positive;
  return overrides;
}

/** `--threshold T` in [0, 1] (default 0.5, STATS.md). */
export function threshold(values: RoleValues): number {
  if (typeof values.threshold !== 'string') return 0.5;
  const t = Number(values.threshold);
  if (!Number.isFinite(t) || t < 0 || t > 1) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `--threshold ${values.threshold}: expected a number in [0, 1]`,
    });
  }
  return t;
}

/**
 * `--flag VALUE` that must be one of `choices`, listed as `listed` when it is not (undefined when
 * not given).
 */
export function choiceFlag<T extends string>(
  flag: string,
  value: string | undefined,
  choices: readonly T[],
  listed = choices.join(', '),
): T | undefined {
  if (value === undefined) return undefined;
  const found = choices.find((c) => c === value);
  if (found !== undefined) return found;
  throw new FaultlineError({
    code: 'bad_argument',
    message: `${flag} must be ${listed}, not '${value}'`,
  });
}

/** `--window day|week|month`, checked (undefined when not given). */
export function windowUnit(value: string | undefined): WindowUnit | undefined {
  if (value === undefined || isWindowUnit(value)) return value;
  throw new FaultlineError({
    code: 'bad_argument',
    message: `--window must be day, week or month, not '${value}'`,
  });
}

/**
 * A flag's column-list values (`--columns a,b`, `--by a,b`) → column names. A value that names a
 * column of `schema` exactly is taken whole (so a name holding a comma works); otherwise it is
 * split on commas.
 */
export function columnList(
  flag: string,
  values: readonly string[],
  schema: DatasetSchema,
): string[] {
  const names = new Set(schema.columns.map((c) => c.name));
  const pick = (piece: string) =>
    names.has(piece) || !names.has(piece.trim()) ? piece : piece.trim();
  const out = values.flatMap((v) =>
    names.has(v)
      ? [v]
      : v
          .split(',')
          .filter((p) => p.trim() !== '')
          .map(pick),
  );
  if (out.length === 0) {
    throw new FaultlineError({ code: 'bad_argument', message: `${flag}: no column names given` });
  }
  return [...new Set(out)];
}

/** Runs `f`, prefixing a FaultlineError's message with the flag it came from. */
export function withFlag<T>(flag: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof FaultlineError && !e.message.startsWith(flag)) {
      throw new FaultlineError({ ...e.toData(), message: `${flag}: ${e.message}` });
    }
    throw e;
  }
}
