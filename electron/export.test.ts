import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultlineError } from '../shared/errors.ts';
import { writeFolderAtomic, writeOutputs } from '../shared/report/write-atomic.node.ts';
import { saveExport, type ExportDeps, type ExportRequest } from './export.ts';

interface Written {
  files?: { path: string; data: string | Uint8Array }[];
  folder?: { dir: string; names: string[] };
  inputs: readonly string[];
}

/** Deps whose save dialog answers `savePath` (null: cancelled), recording what is written. */
function fakes(
  savePath: string | null,
  options: { folder?: string | null; inputs?: string[] } = {},
) {
  const saveDialogs: SaveDialogOptions[] = [];
  const openDialogs: OpenDialogOptions[] = [];
  const written: Written[] = [];
  const printed: string[] = [];
  const deps: ExportDeps = {
    showSaveDialog: async (o) => {
      saveDialogs.push(o);
      return savePath === null
        ? { canceled: true, filePath: '' }
        : { canceled: false, filePath: savePath };
    },
    showOpenDialog: async (o) => {
      openDialogs.push(o);
      const folder = options.folder ?? null;
      return folder === null
        ? { canceled: true, filePaths: [] }
        : { canceled: false, filePaths: [folder] };
    },
    writeOutputs: async (files, { inputs }) => {
      written.push({ files: [...files], inputs });
    },
    writeFolderAtomic: async (dir, files, { inputs }) => {
      written.push({ folder: { dir, names: files.map((f) => f.name) }, inputs });
    },
    inputs: () => options.inputs ?? ['/data/train.csv'],
    printToPdf: async (html) => {
      printed.push(html);
      return new Uint8Array([37, 80, 68, 70]);
    },
  };
  return { deps, saveDialogs, openDialogs, written, printed };
}

const html: ExportRequest = {
  kind: 'report-html',
  suggestedName: 'faultline-report.html',
  files: [{ name: 'faultline-report.html', data: '<h1>Report</h1>' }],
};

describe('saveExport', () => {
  it('asks where with the suggested name and an HTML filter, then writes one file', async () => {
    const f = fakes('/home/me/june.html');
    expect(await saveExport(f.deps, html)).toEqual({ path: '/home/me/june.html' });
    expect(f.saveDialogs).toEqual([
      {
        title: 'Export report as HTML',
        defaultPath: 'faultline-report.html',
        filters: [
          { name: 'HTML report', extensions: ['html', 'htm'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    ]);
    expect(f.written).toEqual([
      {
        files: [{ path: '/home/me/june.html', data: '<h1>Report</h1>' }],
        inputs: ['/data/train.csv'],
      },
    ]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const f = fakes(null);
    expect(await saveExport(f.deps, html)).toEqual({ cancelled: true });
    expect(f.written).toEqual([]);
  });

  it.each([
    ['report-html', '/o/r', '/o/r.html'],
    ['report-html', '/o/r.HTM', '/o/r.HTM'],
    ['report-json', '/o/r.v2', '/o/r.v2.json'],
    ['report-md', '/o/r.markdown', '/o/r.markdown'],
    ['report-pdf', '/o/r', '/o/r.pdf'],
    ['workspace', '/o/june', '/o/june.faultline.json'],
    ['workspace', '/o/june.json', '/o/june.json'],
  ] as const)('a %s saved as %s gets the ending it lacks: %s', async (kind, chosen, path) => {
    const f = fakes(chosen);
    const data = kind === 'report-pdf' ? '<p>' : 'x';
    expect(
      await saveExport(f.deps, { kind, suggestedName: 'r', files: [{ name: 'r', data }] }),
    ).toEqual({ path });
    expect(f.written[0]?.files?.[0]?.path).toBe(path);
  });

  it('writes a Markdown report with its assets at their relative names beside it', async () => {
    const f = fakes('/home/me/reports/june.md');
    const png = new Uint8Array([137, 80, 78, 71]);
    await saveExport(f.deps, {
      kind: 'report-md',
      suggestedName: 'report.md',
      files: [
        { name: 'report.md', data: '![](report-assets/fig-1.png)' },
        { name: 'report-assets/fig-1.png', data: png },
      ],
    });
    expect(f.written[0]?.files).toEqual([
      { path: '/home/me/reports/june.md', data: '![](report-assets/fig-1.png)' },
      { path: '/home/me/reports/report-assets/fig-1.png', data: png },
    ]);
  });

  it('prints a PDF from the HTML and writes its bytes', async () => {
    const f = fakes('/home/me/june.pdf');
    await saveExport(f.deps, {
      kind: 'report-pdf',
      suggestedName: 'report.pdf',
      files: [{ name: 'report.html', data: '<h1>R</h1>' }],
    });
    expect(f.printed).toEqual(['<h1>R</h1>']);
    expect(f.written[0]?.files).toEqual([
      { path: '/home/me/june.pdf', data: new Uint8Array([37, 80, 68, 70]) },
    ]);
  });

  it('does not print when the PDF dialog is cancelled', async () => {
    const f = fakes(null);
    const request: ExportRequest = {
      kind: 'report-pdf',
      suggestedName: 'r.pdf',
      files: [{ name: 'r.html', data: '<p>' }],
    };
    expect(await saveExport(f.deps, request)).toEqual({ cancelled: true });
    expect(f.printed).toEqual([]);
  });

  it('exports fixtures into a folder chosen in a folder dialog, as one atomic folder', async () => {
    const f = fakes(null, { folder: '/home/me/fixtures-june' });
    const reply = await saveExport(f.deps, {
      kind: 'fixtures',
      suggestedName: 'fixtures',
      files: [
        { name: 'manifest.json', data: '{}' },
        { name: 'apac-android.csv', data: 'a,b\n1,2\n' },
      ],
    });
    expect(reply).toEqual({ path: '/home/me/fixtures-june' });
    expect(f.openDialogs[0]?.properties).toEqual([
      'openDirectory',
      'createDirectory',
      'promptToCreate',
    ]);
    expect(f.saveDialogs).toEqual([]);
    expect(f.written).toEqual([
      {
        folder: { dir: '/home/me/fixtures-june', names: ['manifest.json', 'apac-android.csv'] },
        inputs: ['/data/train.csv'],
      },
    ]);
    const cancelled = fakes(null, { folder: null });
    const files = [{ name: 'manifest.json', data: '{}' }];
    expect(
      await saveExport(cancelled.deps, { kind: 'fixtures', suggestedName: 'f', files }),
    ).toEqual({ cancelled: true });
    expect(cancelled.written).toEqual([]);
  });

  it.each([
    [{ ...html, files: [] }, /^report-html: nothing to save/],
    [{ ...html, files: [...html.files, ...html.files] }, /one file expected, got 2/],
    [
      { kind: 'fixtures', suggestedName: 'f', files: [{ name: 'sub/a.csv', data: '' }] },
      /^fixtures: "sub\/a\.csv" is in a subfolder; a fixtures folder is flat/,
    ],
    [
      {
        kind: 'report-pdf',
        suggestedName: 'r.pdf',
        files: [{ name: 'r', data: new Uint8Array() }],
      },
      /the report as HTML text/,
    ],
  ] as [ExportRequest, RegExp][])(
    'refuses a request that does not fit its kind before asking',
    async (request, message) => {
      const f = fakes('/o/r.html');
      await expect(saveExport(f.deps, request)).rejects.toThrow(message);
      await expect(saveExport(f.deps, request)).rejects.toBeInstanceOf(FaultlineError);
      expect(f.saveDialogs).toEqual([]);
    },
  );
});

describe('saveExport with the real atomic writer', () => {
  let dir = '';
  afterEach(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  function realDeps(target: string, inputs: string[]): ExportDeps {
    return {
      ...fakes(target).deps,
      writeOutputs,
      writeFolderAtomic,
      inputs: () => inputs,
    };
  }

  it('refuses to write over an open input, passing on the writer’s message', async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-export-'));
    const input = join(dir, 'data.json');
    await writeFile(input, '[]');
    const request: ExportRequest = {
      kind: 'report-json',
      suggestedName: 'r.json',
      files: [{ name: 'r.json', data: '{}' }],
    };
    await expect(saveExport(realDeps(input, [input]), request)).rejects.toMatchObject({
      code: 'overwrite_input',
      message: `${input} is an input file; choose another output path`,
    });
    expect(await readFile(input, 'utf8')).toBe('[]');
  });

  it('refuses fixtures into a folder holding an open input, and into a non-empty one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-export-'));
    const input = join(dir, 'production.csv');
    await writeFile(input, 'a\n1\n');
    const deps = (inputs: string[]): ExportDeps => ({
      ...fakes(null, { folder: dir }).deps,
      writeOutputs,
      writeFolderAtomic,
      inputs: () => inputs,
    });
    const request: ExportRequest = {
      kind: 'fixtures',
      suggestedName: 'fixtures',
      files: [{ name: 'manifest.json', data: '{}' }],
    };
    await expect(saveExport(deps([input]), request)).rejects.toMatchObject({
      code: 'overwrite_input',
      message: `${dir} holds the input ${input}; choose another output folder`,
    });
    await expect(saveExport(deps([]), request)).rejects.toMatchObject({ code: 'output_exists' });
    expect(await readdir(dir)).toEqual(['production.csv']);
  });

  it('writes a Markdown report and its assets for real', async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-export-'));
    const md = join(dir, 'june.md');
    await saveExport(realDeps(md, []), {
      kind: 'report-md',
      suggestedName: 'report.md',
      files: [
        { name: 'report.md', data: '# June' },
        { name: 'report-assets/fig.svg', data: '<svg/>' },
      ],
    });
    expect(await readFile(md, 'utf8')).toBe('# June');
    expect(await readFile(join(dir, 'report-assets', 'fig.svg'), 'utf8')).toBe('<svg/>');
    expect((await readdir(dir)).sort()).toEqual(['june.md', 'report-assets']);
  });
});
