// The shape of a saved predicate (a workspace's cohort and pins, a fixture's slice), checked when
// read back from a file: CLI.md's `{column, op, value}`, a list for IN and one value otherwise.
import { z } from 'zod';
import type { Predicate, PredicateOp } from './predicate.ts';

const ops = ['=', '!=', '<', '<=', '>', '>=', 'IN'] as const satisfies readonly PredicateOp[];

const scalar = z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]);

/** One predicate, within sizes no real filter reaches (a file is not trusted). */
export const predicateSchema: z.ZodType<Predicate, Predicate> = z
  .strictObject({
    column: z.string().min(1).max(4096),
    op: z.enum(ops),
    value: z.union([scalar, z.array(scalar).max(10_000)]),
  })
  .refine((p) => (p.op === 'IN') === Array.isArray(p.value), {
    message: 'IN takes a list of values, every other operator one value',
    path: ['value'],
  });
