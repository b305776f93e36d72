import type {
  DriftBins,
  DriftCategoryCount,
} from '../../../../shared/analyses/drift/drift-result.ts';

const formatters = new Map<number, Intl.NumberFormat>();

/** A number in at most `digits` significant digits, thousands as K, M, B: "12.1", "1.64K". */
export function formatCompact(x: number, digits = 3): string {
  let format = formatters.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', {
      notation: 'compact',
      maximumSignificantDigits: digits,
    });
    formatters.set(digits, format);
  }
  return format.format(x);
}

/**
 * Bin edges in the fewest significant digits (three at least) that keep neighbours apart, so
 * 12.12 and 12.14 read "12.12" and "12.14" rather than two "12.1".
 */
export function formatEdges(edges: readonly number[]): string[] {
  for (let digits = 3; digits < 17; digits++) {
    const texts = edges.map((edge) => formatCompact(edge, digits));
    if (texts.every((text, i) => i === 0 || text !== texts[i - 1])) return texts;
  }
  return edges.map(String);
}

/** Whether a category is one the reference never had (it may come as a string or a number). */
export function isNewCategory(
  category: string | number,
  newCategories: readonly DriftCategoryCount[],
): boolean {
  return newCategories.some((c) => String(c.value) === String(category));
}

/** One bin as the charts name it, and whether it holds a category new in the current data. */
export interface BinLabel {
  text: string;
  isNew: boolean;
}

/**
 * Every bin's label, in bin order. Quantile bin i holds (e_i-1, e_i], with -inf and +inf at the
 * ends: "(-inf, 12.1]", "(12.1, 18.3]", …, "(134, +inf]". Categories are named as they are;
 * new ones get " (new)".
 */
export function binLabels(
  bins: Pick<DriftBins, 'mode' | 'edges' | 'categories'>,
  newCategories: readonly DriftCategoryCount[],
): BinLabel[] {
  if (bins.mode === 'categorical') {
    return (bins.categories ?? []).map((category) => {
      const isNew = isNewCategory(category, newCategories);
      return { text: isNew ? `${category} (new)` : String(category), isNew };
    });
  }
  const ends = ['-inf', ...formatEdges(bins.edges ?? []), '+inf'];
  return ends.slice(1).map((upper, i) => ({ text: `(${ends[i] ?? ''}, ${upper}]`, isNew: false }));
}
