import { basename, dirname, join } from 'node:path';
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { FaultlineError } from '../shared/errors.ts';
import type { ExportFile, ExportKind, SaveReply } from '../shared/ipc/contract.ts';
import type { writeFolderAtomic, writeOutputs } from '../shared/report/write-atomic.node.ts';
import { WORKSPACE_EXTENSION } from '../shared/workspace/workspace-schema.ts';

/** What can be saved: the renderer's kinds, and a workspace (sent by `workspace:save`). */
export type SaveKind = ExportKind | 'workspace';

/** One save: what it is, the name the dialog proposes, and the files (a PDF's is its HTML). */
export interface ExportRequest {
  kind: SaveKind;
  suggestedName: string;
  files: ExportFile[];
}

/** The outside world of a save; main.ts passes Electron's dialogs and the atomic writer. */
export interface ExportDeps {
  showSaveDialog(
    options: SaveDialogOptions,
  ): Promise<Pick<SaveDialogReturnValue, 'canceled' | 'filePath'>>;
  showOpenDialog(
    options: OpenDialogOptions,
  ): Promise<Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>>;
  writeOutputs: typeof writeOutputs;
  writeFolderAtomic: typeof writeFolderAtomic;
  /** The paths of the files open now (granted): never a target. */
  inputs(): string[];
  /** The HTML printed as a PDF (main: a hidden, sandboxed window's printToPDF). */
  printToPdf(html: string): Promise<Uint8Array>;
}

interface SingleFileKind {
  title: string;
  filter: { name: string; extensions: string[] };
  /** The ending a chosen name gets when it has none of `filter.extensions`. */
  extension: string;
}

const singleFileKinds: Record<Exclude<SaveKind, 'fixtures'>, SingleFileKind> = {
  'report-html': {
    title: 'Export report as HTML',
    filter: { name: 'HTML report', extensions: ['html', 'htm'] },
    extension: '.html',
  },
  'report-md': {
    title: 'Export report as Markdown',
    filter: { name: 'Markdown report', extensions: ['md', 'markdown'] },
    extension: '.md',
  },
  'report-json': {
    title: 'Export report as JSON',
    filter: { name: 'JSON report', extensions: ['json'] },
    extension: '.json',
  },
  'report-pdf': {
    title: 'Export report as PDF',
    filter: { name: 'PDF report', extensions: ['pdf'] },
    extension: '.pdf',
  },
  workspace: {
    title: 'Save workspace',
    filter: { name: 'Faultline workspace', extensions: ['json'] },
    extension: WORKSPACE_EXTENSION,
  },
};

function badRequest(message: string): FaultlineError {
  return new FaultlineError({ code: 'bad_argument', message });
}

/** The request's first file, once its files fit its kind; checked before any dialog opens. */
function checkFiles(request: ExportRequest): ExportFile {
  const { kind, files } = request;
  const [first] = files;
  if (first === undefined) throw badRequest(`${kind}: nothing to save`);
  const nested = files.find((f) => f.name.includes('/'));
  if (kind === 'fixtures' && nested !== undefined) {
    throw badRequest(
      `fixtures: ${JSON.stringify(nested.name)} is in a subfolder; a fixtures folder is flat`,
    );
  }
  if (kind === 'fixtures' || kind === 'report-md') return first;
  if (files.length !== 1) {
    throw badRequest(`${kind}: one file expected, got ${files.length} (only Markdown has assets)`);
  }
  if (kind === 'report-pdf' && typeof first.data !== 'string') {
    throw badRequest('report-pdf: the file must be the report as HTML text, to print');
  }
  return first;
}

/** `path` with the kind's ending added unless it already has one of the filter's. */
function withExtension(path: string, kind: SingleFileKind): string {
  const lower = basename(path).toLowerCase();
  return kind.filter.extensions.some((e) => lower.endsWith(`.${e}`))
    ? path
    : `${path}${kind.extension}`;
}

async function chooseFile(
  deps: ExportDeps,
  request: ExportRequest,
  kind: SingleFileKind,
): Promise<string | null> {
  const chosen = await deps.showSaveDialog({
    title: kind.title,
    defaultPath: request.suggestedName,
    filters: [kind.filter, { name: 'All files', extensions: ['*'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (chosen.canceled || !chosen.filePath) return null;
  return withExtension(chosen.filePath, kind);
}

async function chooseFolder(deps: ExportDeps): Promise<string | null> {
  // A folder the user picks or makes in the dialog; the writer fills it only if it is empty.
  const chosen = await deps.showOpenDialog({
    title: 'Export fixtures into a new or empty folder',
    buttonLabel: 'Export here',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  });
  return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
}

/**
 * Asks where to save, then writes atomically: one file (HTML, JSON, a workspace, a PDF printed
 * from the HTML), a Markdown report with its assets at their relative names beside it, or a
 * fixtures folder. A target that is an open input is refused by the writer, whose
 * FaultlineError (naming the path) is passed on. Cancelling the dialog writes nothing.
 */
export async function saveExport(deps: ExportDeps, request: ExportRequest): Promise<SaveReply> {
  const first = checkFiles(request);
  const cancelled = { cancelled: true } as const;
  if (request.kind === 'fixtures') {
    const dir = await chooseFolder(deps);
    if (dir === null) return cancelled;
    await deps.writeFolderAtomic(dir, request.files, { inputs: deps.inputs() });
    return { path: dir };
  }
  const path = await chooseFile(deps, request, singleFileKinds[request.kind]);
  if (path === null) return cancelled;
  const assets = request.files.slice(1);
  const data =
    request.kind === 'report-pdf' && typeof first.data === 'string'
      ? await deps.printToPdf(first.data)
      : first.data;
  await deps.writeOutputs(
    [
      { path, data },
      ...assets.map((asset) => ({ path: join(dirname(path), asset.name), data: asset.data })),
    ],
    { inputs: deps.inputs() },
  );
  return { path };
}
