import { describe, expect, it } from 'vitest';
import {
  CHANNEL_NAMES,
  MAX_EXPORT_BYTES,
  MAX_READ_BYTES,
  contract,
  menuCommandSchema,
} from './contract.ts';

const id = '0123456789abcdef0123456789abcdef';
const readRange = contract['file:read-range'];
const openFiles = contract['dialog:open-files'];

describe('contract', () => {
  it('allowlists exactly the eight channels', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([
      'app:info',
      'app:startup-files',
      'dialog:open-files',
      'export:save',
      'file:read-range',
      'file:sha256',
      'workspace:open',
      'workspace:save',
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
    for (const command of ['save-workspace', 'open-workspace', 'export-fixtures']) {
      expect(menuCommandSchema.safeParse({ command }).success).toBe(true);
      expect(menuCommandSchema.safeParse({ command, path: '/etc/passwd' }).success).toBe(false);
    }
  });
});

const hash = 'ab'.repeat(32);
const workspace = {
  version: 1,
  saved_at: '2025-06-01T12:00:00Z',
  files: [
    {
      side: 'current',
      name: 'production.parquet',
      path: '/data/production.parquet',
      sha256: hash,
      size: 10,
      rows: 2,
      format: 'parquet',
    },
  ],
};

describe('export and workspace channels', () => {
  const save = contract['export:save'];
  const file = (name: string, data: unknown = 'x') => ({ name, data });

  it('export:save takes a kind, a plain suggested name and relative files of text or bytes', () => {
    const request = {
      kind: 'report-md',
      suggestedName: 'faultline-report.md',
      files: [file('report.md'), file('report-assets/fig 1.png', new Uint8Array([1]))],
    };
    expect(save.request.safeParse(request).success).toBe(true);
    for (const kind of ['report-html', 'report-json', 'report-pdf', 'fixtures']) {
      expect(save.request.safeParse({ ...request, kind }).success).toBe(true);
    }
  });

  it.each([
    ['the workspace kind', { kind: 'workspace' }],
    ['a suggested path', { suggestedName: 'out/r.html' }],
    ['a suggested Windows path', { suggestedName: 'C:\\r.html' }],
    ['a suggested ..', { suggestedName: '..' }],
    ['no files', { files: [] }],
    ['a parent segment', { files: [file('assets/../../x')] }],
    ['a leading slash', { files: [file('/etc/cron.d/x')] }],
    ['a backslash', { files: [file('assets\\x.png')] }],
    ['a drive or stream colon', { files: [file('C:x')] }],
    ['an empty segment', { files: [file('assets//x.png')] }],
    ['a control character', { files: [file('a\nb.md')] }],
    ['a NUL', { files: [file('a\u0000.md')] }],
    ['array data', { files: [file('a.md', [1, 2])] }],
    ['an extra key', { path: '/tmp/r.html' }],
  ])('export:save refuses %s', (_name, change) => {
    const request = {
      kind: 'report-html',
      suggestedName: 'r.html',
      files: [file('r.html')],
      ...change,
    };
    expect(save.request.safeParse(request).success).toBe(false);
  });

  it('export:save caps the bytes one export may carry', () => {
    const big = new Uint8Array(MAX_EXPORT_BYTES / 2 + 1);
    const request = {
      kind: 'fixtures',
      suggestedName: 'f',
      files: [file('a', big), file('b', big)],
    };
    const result = save.request.safeParse(request);
    expect(result.error?.issues[0]?.message).toBe(
      `an export may hold at most ${MAX_EXPORT_BYTES} bytes`,
    );
  });

  it('save replies are a path or cancelled, nothing else', () => {
    for (const reply of [contract['export:save'].reply, contract['workspace:save'].reply]) {
      expect(reply.safeParse({ path: '/home/me/r.html' }).success).toBe(true);
      expect(reply.safeParse({ cancelled: true }).success).toBe(true);
      expect(reply.safeParse({ cancelled: false }).success).toBe(false);
      expect(reply.safeParse({ path: '' }).success).toBe(false);
      expect(reply.safeParse({}).success).toBe(false);
    }
  });

  it('file:sha256 takes an id and replies a lowercase sha256', () => {
    const sha = contract['file:sha256'];
    expect(sha.request.safeParse({ id }).success).toBe(true);
    expect(sha.request.safeParse({ id: '/etc/passwd' }).success).toBe(false);
    expect(sha.reply.safeParse({ sha256: hash }).success).toBe(true);
    expect(sha.reply.safeParse({ sha256: hash.toUpperCase() }).success).toBe(false);
  });

  it('workspace:save takes a valid workspace and one file id or null per file', () => {
    const ws = contract['workspace:save'].request;
    const request = { suggestedName: 'june.faultline.json', workspace, fileIds: [id] };
    expect(ws.safeParse(request).success).toBe(true);
    expect(ws.safeParse({ ...request, fileIds: [null] }).success).toBe(true);
    expect(ws.safeParse({ ...request, fileIds: [] }).success).toBe(false);
    expect(ws.safeParse({ ...request, fileIds: ['/data/x.csv'] }).success).toBe(false);
    expect(ws.safeParse({ ...request, workspace: { ...workspace, version: 2 } }).success).toBe(
      false,
    );
    expect(ws.safeParse({ ...request, suggestedName: '../w.json' }).success).toBe(false);
  });

  it('workspace:open replies cancelled, or the workspace with one input per saved file', () => {
    const open = contract['workspace:open'];
    expect(open.request.safeParse({}).success).toBe(true);
    expect(open.request.safeParse({ path: '/w.json' }).success).toBe(false);
    expect(open.reply.safeParse({ cancelled: true }).success).toBe(true);
    const check = {
      side: 'current',
      name: 'production.parquet',
      status: 'missing',
      saved_sha256: hash,
      found_sha256: null,
      message: 'production.parquet is missing (it was at /data/production.parquet)',
    };
    const reply = { name: 'june.faultline.json', workspace, inputs: [{ file: null, check }] };
    const parsed = open.reply.safeParse(reply);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ workspace: { notes: '', cohort: [], canary: null } });
    const granted = { file: { id, name: 'production.parquet', size: 10 }, check };
    expect(open.reply.safeParse({ ...reply, inputs: [granted] }).success).toBe(true);
    expect(open.reply.safeParse({ ...reply, inputs: [] }).success).toBe(false);
    const withPath = { ...granted, file: { ...granted.file, path: '/data/production.parquet' } };
    expect(open.reply.safeParse({ ...reply, inputs: [withPath] }).success).toBe(false);
    const odd = { file: null, check: { ...check, status: 'moved' } };
    expect(open.reply.safeParse({ ...reply, inputs: [odd] }).success).toBe(false);
  });
});
