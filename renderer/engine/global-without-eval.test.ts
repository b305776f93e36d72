import { describe, expect, it } from 'vitest';
import { answerGlobalLookupWithoutEval } from './global-without-eval.ts';

describe('answerGlobalLookupWithoutEval', () => {
  it("answers 'return this' with the scope itself, and passes every other body through", () => {
    const scope = { Function } as { Function: FunctionConstructor };
    answerGlobalLookupWithoutEval(scope);
    // Built with the scope's constructor, as wasm-bindgen's glue does.
    const lookup = new scope.Function('return this') as () => unknown;
    expect(lookup()).toBe(scope);
    const add = new scope.Function('a', 'b', 'return a + b') as (a: number, b: number) => number;
    expect(add(2, 3)).toBe(5);
    expect(scope.Function).not.toBe(Function);
  });
});
