// A workspace keeps the views' choices as loose records (anyone may have edited the file), so
// each is read back here field by field: a field that is missing or not what the view takes
// falls back to the view's default, and the other fields are kept.
import { z } from 'zod';
import { calibrationStrategies } from '../../shared/analyses/calibration/calibration-spec.ts';
import { MAX_CALIBRATION_BINS, MIN_CALIBRATION_BINS } from '../../shared/stats/calibration-bins.ts';
import { predicateSchema } from '../../shared/workspace/workspace-schema.ts';
import {
  defaultCalibrationChoices,
  type CalibrationChoices,
} from '../store/calibration-choices-slice.ts';
import {
  defaultPerformanceChoices,
  type PerformanceChoices,
} from '../store/performance-choices-slice.ts';
import { defaultSlicesChoices, type SlicesChoices } from '../store/slices-choices-slice.ts';

const windowUnit = z.enum(['day', 'week', 'month', 'auto']);
const columns = z.array(z.string().min(1)).max(1000);
const wholeAtLeastOne = z.int().min(1);
const picked = z.strictObject({
  from: z.array(predicateSchema).max(1000),
  cohort: z.array(predicateSchema).max(1000),
});

/** The record's fields, each falling back to the default's when it does not parse. */
function fieldwise<T extends object>(
  defaults: T,
  fields: { [K in keyof T]: z.ZodType<T[K]> },
): (saved: unknown) => T {
  const schema = z.object(
    Object.fromEntries(
      Object.entries(fields).map(([key, field]) => [
        key,
        (field as z.ZodType).catch(defaults[key as keyof T]),
      ]),
    ),
  );
  return (saved) => {
    const parsed = schema.safeParse(saved);
    return parsed.success ? (parsed.data as T) : { ...defaults };
  };
}

/** The Cohorts and Timeline views' choices from a workspace. */
export const performanceChoicesFrom = fieldwise<PerformanceChoices>(defaultPerformanceChoices, {
  by: columns.max(2).nullable(),
  metric: z.string().min(1).nullable(),
  window: windowUnit,
  focus: z.string().nullable(),
});

/** The Calibration view's choices from a workspace. */
export const calibrationChoicesFrom = fieldwise<CalibrationChoices>(defaultCalibrationChoices, {
  bins: z.int().min(MIN_CALIBRATION_BINS).max(MAX_CALIBRATION_BINS),
  strategy: z.enum(calibrationStrategies),
  by: z.string().min(1).nullable(),
});

/** The Slices view's choices from a workspace. */
export const slicesChoicesFrom = fieldwise<SlicesChoices>(defaultSlicesChoices, {
  k: wholeAtLeastOne,
  maxLevel: wholeAtLeastOne,
  alpha: z.number().gt(0).max(1),
  minSupport: wholeAtLeastOne.nullable(),
  windowUnit,
  window: z.string().min(1).nullable(),
  picked: picked.nullable(),
});
