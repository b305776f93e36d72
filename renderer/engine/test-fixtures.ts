import type { Session } from './session-types.ts';

/**
 * A session for tests that does nothing and answers nothing (a rendered view finds its results
 * in the store), with `overrides` for the calls a test watches or answers.
 */
export function fakeSession(overrides: Partial<Session> = {}): Session {
  return {
    open: async () => undefined,
    openSample: async () => undefined,
    setRole: async () => undefined,
    drift: async () => undefined,
    performance: async () => undefined,
    calibration: async () => undefined,
    slices: async () => undefined,
    canary: async () => undefined,
    investigate: async () => undefined,
    fixture: async () => null,
    errorsPage: async () => ({ value: null, error: null }),
    cachedErrorsPage: () => undefined,
    errorDetail: async () => ({ value: null, error: null }),
    cachedErrorDetail: () => undefined,
    close: async () => undefined,
    want: () => () => undefined,
    queryCacheStats: async () => null,
    ...overrides,
  };
}
