// The one door from the renderer to shared/sql, and types only: the store holds a cohort as
// predicates (data), and only the engine side ever turns them into SQL.
export type { Predicate, PredicateOp, PredicateValue } from '../../shared/sql/predicate.ts';
