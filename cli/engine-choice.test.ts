import { describe, expect, it, vi } from 'vitest';
import { cliRun } from '../test-support/run-cli.ts';
import { startEngine, takeEngineFlag } from './engine-choice.ts';

describe('takeEngineFlag', () => {
  it('is wasm unless asked, and leaves every other argument in order', () => {
    expect(takeEngineFlag(['drift', '--json'])).toEqual({
      engine: 'wasm',
      rest: ['drift', '--json'],
    });
  });

  it('takes --engine X and --engine=X anywhere before --, the last one winning', () => {
    expect(takeEngineFlag(['--engine', 'native', 'drift', '--json'])).toEqual({
      engine: 'native',
      rest: ['drift', '--json'],
    });
    expect(takeEngineFlag(['drift', '--engine=native', '--x', '--engine', 'wasm'])).toEqual({
      engine: 'wasm',
      rest: ['drift', '--x'],
    });
    expect(takeEngineFlag(['check', '--', '--engine', 'native'])).toEqual({
      engine: 'wasm',
      rest: ['check', '--', '--engine', 'native'],
    });
  });

  it('refuses an unknown or missing value, naming the two choices', () => {
    expect(() => takeEngineFlag(['drift', '--engine', 'gpu'])).toThrow(
      "--engine must be wasm or native, not 'gpu'",
    );
    expect(() => takeEngineFlag(['drift', '--engine'])).toThrow(/wasm or native/);
    expect(() => takeEngineFlag(['drift', '--engine', '--json'])).toThrow(/wasm or native/);
  });
});

describe('faultline --engine', () => {
  it('exits 2 on an unknown engine, before any work', async () => {
    const run = await cliRun('drift', '--reference', 'a.csv', '--current', 'b.csv', '--engine=x');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: "faultline: --engine must be wasm or native, not 'x'\n",
    });
  });

  it('is listed in the main help and under each command’s help', async () => {
    expect((await cliRun('--help')).stdout).toMatch(/--engine wasm\|native/);
    for (const command of ['inspect', 'drift', 'performance', 'canary', 'check']) {
      const help = await cliRun('--engine', 'native', command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^faultline ${command}`));
      expect(help.stdout).toMatch(/global options:\n {2}--engine wasm\|native/);
    }
  });
});

describe('startEngine', () => {
  it('says plainly when the native binding cannot be loaded', async () => {
    vi.doMock('../shared/engine/duckdb-native.node.ts', () => {
      throw new Error('Cannot find module @duckdb/node-bindings-linux-x64/duckdb.node');
    });
    try {
      await expect(startEngine('native')).rejects.toMatchObject({
        code: 'engine',
        message: expect.stringMatching(
          /^--engine native: native DuckDB \(@duckdb\/node-api\) could not be loaded on this machine \(.+\); use --engine wasm$/,
        ),
      });
    } finally {
      vi.doUnmock('../shared/engine/duckdb-native.node.ts');
    }
  });
});
