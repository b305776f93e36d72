/**
 * parquet-wasm's glue (wasm-bindgen) finds the global object with `new Function('return this')`
 * when it runs in a browser worker, and the app's Content-Security-Policy forbids evaluating
 * strings (no 'unsafe-eval'). This answers exactly that one body without evaluating anything;
 * every other use of the Function constructor is left to the browser, and so to the CSP.
 */
export function answerGlobalLookupWithoutEval(scope: { Function: FunctionConstructor }): void {
  const NativeFunction = scope.Function;
  scope.Function = new Proxy(NativeFunction, {
    construct(target, args: unknown[], newTarget) {
      if (args.length === 1 && args[0] === 'return this') return () => scope;
      return Reflect.construct(target, args, newTarget) as object;
    },
  });
}
