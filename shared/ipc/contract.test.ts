import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, MAX_READ_BYTES, contract, menuCommandSchema } from './contract.ts';

const id = '0123456789abcdef0123456789abcdef';
const readRange = contract['file:read-range'];
const openFiles = contract['dialog:open-files'];

describe('contract', () => {
  it('allowlists exactly the four channels', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([
      'app:info',
      'app:startup-files',
      'dialog:open-files',
      'file:read-range',
    ]);
  });

  it('accepts a real read-range request, including the 64 MiB maximum', () => {
    expect(readRange.request.safeParse({ id, start: 0, end: 1024 }).success).toBe(true);
    expect(readRange.request.safeParse({ id, start: 10, end: 10 + MAX_READ_BYTES }).success).toBe(
      true,
    );
  });

  it.each([
    ['negative start', { id, start: -1, end: 10 }],
    ['end before start', { id, start: 10, end: 5 }],
    ['range over 64 MiB', { id, start: 0, end: MAX_READ_BYTES + 1 }],
    ['fractional offset', { id, start: 0.5, end: 10 }],
    ['missing end', { id, start: 0 }],
    ['missing id', { start: 0, end: 1 }],
    ['a path for an id', { id: '/etc/passwd', start: 0, end: 1 }],
    ['an extra path field', { id, start: 0, end: 1, path: '/etc/passwd' }],
    ['string offsets', { id, start: '0', end: '1' }],
  ])('rejects a read-range request with %s', (_name, payload) => {
    expect(readRange.request.safeParse(payload).success).toBe(false);
  });

  it('names the problem of a rejected range', () => {
    const result = readRange.request.safeParse({ id, start: 0, end: MAX_READ_BYTES + 1 });
    expect(result.error?.issues[0]?.message).toBe(
      `a range may span at most ${MAX_READ_BYTES} bytes`,
    );
  });

  it('read-range replies are bytes only', () => {
    expect(readRange.reply.safeParse(new Uint8Array([1, 2])).success).toBe(true);
    expect(readRange.reply.safeParse([1, 2]).success).toBe(false);
    expect(readRange.reply.safeParse('bytes').success).toBe(false);
  });

  it('open-files requests take only a known purpose', () => {
    expect(openFiles.request.safeParse({ purpose: 'reference' }).success).toBe(true);
    expect(openFiles.request.safeParse({ purpose: 'secrets' }).success).toBe(false);
    expect(openFiles.request.safeParse({}).success).toBe(false);
    expect(openFiles.request.safeParse({ purpose: 'log', defaultPath: '/home' }).success).toBe(
      false,
    );
  });

  it('open-files replies carry ids, never paths', () => {
    const good = { files: [{ id, name: 'train.csv', size: 12 }] };
    expect(openFiles.reply.safeParse(good).success).toBe(true);
    const withPath = { files: [{ id, name: 'train.csv', size: 12, path: '/data/train.csv' }] };
    expect(openFiles.reply.safeParse(withPath).success).toBe(false);
    expect(openFiles.reply.safeParse({ files: [{ id, name: 'a', size: -1 }] }).success).toBe(false);
  });

  it('app:info takes an empty request and replies version and platform', () => {
    expect(contract['app:info'].request.safeParse({}).success).toBe(true);
    expect(contract['app:info'].request.safeParse({ x: 1 }).success).toBe(false);
    expect(
      contract['app:info'].reply.safeParse({ version: '0.1.0', platform: 'linux' }).success,
    ).toBe(true);
    expect(contract['app:info'].reply.safeParse({ version: '0.1.0' }).success).toBe(false);
  });

  it('app:startup-files takes an empty request and replies purposes with granted files', () => {
    const startup = contract['app:startup-files'];
    expect(startup.request.safeParse({}).success).toBe(true);
    expect(startup.request.safeParse({ argv: ['/etc/passwd'] }).success).toBe(false);
    const file = { id, name: 'training.parquet', size: 12 };
    expect(startup.reply.safeParse({ opens: [] }).success).toBe(true);
    expect(
      startup.reply.safeParse({
        opens: [
          { purpose: 'reference', files: [file] },
          { purpose: 'log', files: [file, { ...file, name: 'b.csv' }] },
        ],
      }).success,
    ).toBe(true);
  });

  it.each([
    ['an unknown purpose', { opens: [{ purpose: 'secrets', files: [] }] }],
    ['an empty file list', { opens: [{ purpose: 'current', files: [] }] }],
    [
      'a path',
      { opens: [{ purpose: 'current', files: [{ id, name: 'a', size: 1, path: '/a' }] }] },
    ],
    ['an extra key', { opens: [], argv: [] }],
    ['no opens', {}],
  ])('app:startup-files rejects a reply with %s', (_name, reply) => {
    expect(contract['app:startup-files'].reply.safeParse(reply).success).toBe(false);
  });

  it('menu commands are a closed set', () => {
    expect(menuCommandSchema.safeParse({ command: 'export' }).success).toBe(true);
    expect(menuCommandSchema.safeParse({ command: 'open-files', purpose: 'log' }).success).toBe(
      true,
    );
    expect(menuCommandSchema.safeParse({ command: 'delete-all' }).success).toBe(false);
  });
});
