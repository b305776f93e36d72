import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { version } from '../package.json';
import {
  MENU_COMMAND_EVENT,
  type MenuCommand,
  type OpenPurpose,
  type StartupOpen,
} from '../shared/ipc/contract.ts';
import { writeFolderAtomic, writeOutputs } from '../shared/report/write-atomic.node.ts';
import { sha256File } from '../shared/workspace/file-hash.node.ts';
import { saveExport, type ExportDeps } from './export.ts';
import { createFileGrants } from './file-grants.ts';
import { listGrantedPaths } from './granted-inputs.ts';
import { registerHandlers, type PickedFile } from './ipc-handlers.ts';
import { buildMenuTemplate, type RecentFile } from './menu.ts';
import { addRecent, createRecentStore } from './recent-files.ts';
import { readFileRange } from '../shared/engine/read-file-range.node.ts';
import {
  filesFromArgv,
  openStartupFiles,
  planStartupOpens,
  startupFailureMessage,
} from './startup-files.ts';
import { contentSecurityPolicy, hardenWebContents, windowOptions } from './window.ts';
import { createPrintToPdf, isPrintRequestAllowed, PDF_PARTITION } from './print-pdf.ts';
import { openWorkspace, type WorkspaceOpenDeps } from './workspace-files.ts';

// The built layout: dist/electron/{main.mjs,preload.cjs} beside vite's dist/renderer/.
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const rendererIndex = join(rendererDir, 'index.html');
const preloadPath = join(here, 'preload.cjs');

// Started as `electron dist/electron/main.mjs` there is no package.json beside the script, so
// Electron would call the app "Electron", report its own version and keep data under its name.
app.setName('Faultline');
app.setPath('userData', join(app.getPath('appData'), 'Faultline'));

// Listed so that no export can be written over a file the user has open.
const grants = listGrantedPaths(createFileGrants((length) => new Uint8Array(randomBytes(length))));
const recentStore = createRecentStore(
  join(app.getPath('userData'), 'recent.json'),
  { readFile, mkdir, writeFile, rename, rm },
  String(process.pid),
);
let recent: RecentFile[] = [];
let mainWindow: BrowserWindow | null = null;

const notBuiltPage = `<!doctype html><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<title>Faultline</title>
<body style="font: 16px system-ui; margin: 3em">
<h1>Faultline</h1><p>The renderer is not built (dist/renderer/index.html is missing):
run <code>npm start</code>, which builds it.</p></body>`;

function send(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_COMMAND_EVENT, command);
}

function remember(files: RecentFile[]): void {
  recent = addRecent(recent, files);
  rebuildMenu();
  recentStore.save(recent).catch((error: unknown) => {
    console.error(`faultline: could not save the recent files: ${String(error)}`);
  });
}

async function showOpenDialog(purpose: OpenPurpose): Promise<PickedFile[]> {
  const options = {
    title: `Open ${purpose}`,
    properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
    filters: [
      {
        name: 'Data files',
        extensions: ['csv', 'tsv', 'json', 'jsonl', 'ndjson', 'parquet', 'arrow', 'gz'],
      },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options);
  if (result.canceled) return [];
  const picked = await Promise.all(
    result.filePaths.map(async (path) => ({ path, size: (await stat(path)).size })),
  );
  remember(picked.map(({ path }) => ({ path, purpose })));
  return picked;
}

function saveDialog(options: SaveDialogOptions) {
  return mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options);
}

function openDialog(options: OpenDialogOptions) {
  return mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options);
}

/** Where a report being printed is written: the one place its window may load files from. */
const pdfTempPrefix = join(tmpdir(), 'faultline-pdf-');

const printToPdf = createPrintToPdf({
  createWindow: (options) => new BrowserWindow(options),
  makeTempDir: () => mkdtemp(pdfTempPrefix),
  writeFile: (path, data) => writeFile(path, data, 'utf8'),
  removeDir: (path) => rm(path, { recursive: true, force: true }),
});

const exportDeps: ExportDeps = {
  showSaveDialog: saveDialog,
  showOpenDialog: openDialog,
  writeOutputs,
  writeFolderAtomic,
  inputs: () => grants.paths(),
  printToPdf,
};

const workspaceOpenDeps: WorkspaceOpenDeps = {
  showOpenDialog: openDialog,
  stat,
  readText: (path) => readFile(path, 'utf8'),
  sha256File: (path) => sha256File(path),
  grants,
};

/** The printing window's session: it loads the report's own file and nothing from a network. */
function lockDownPdfSession(): void {
  const pdfSession = session.fromPartition(PDF_PARTITION);
  const allowedPrefix = pathToFileURL(pdfTempPrefix).href;
  pdfSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isPrintRequestAllowed(details.url, allowedPrefix) });
  });
  pdfSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

/** Grants the files named on the command line; missing ones get one error dialog, not a stop. */
async function openCommandLineFiles(): Promise<StartupOpen[]> {
  const paths = filesFromArgv(process.argv, process.defaultApp === true).map((p) => resolve(p));
  const { opens, opened, failures } = await openStartupFiles(planStartupOpens(paths), {
    stat,
    grants,
  });
  if (opened.length > 0) remember(opened);
  if (failures.length > 0) {
    const { message, detail } = startupFailureMessage(failures);
    dialog.showMessageBox({ type: 'error', title: 'Faultline', message, detail }).catch(() => {
      console.error(`faultline: ${message}\n${detail}`);
    });
  }
  return opens;
}

async function openRecent(file: RecentFile): Promise<void> {
  const { size } = await stat(file.path);
  const id = grants.grant(file.path, size);
  const name = file.path.split(/[\\/]/).pop() ?? file.path;
  remember([file]);
  send({ command: 'open-granted', purpose: file.purpose, files: [{ id, name, size }] });
}

function rebuildMenu(): void {
  const template = buildMenuTemplate(
    process.platform,
    {
      openFiles: (purpose) => send({ command: 'open-files', purpose }),
      openRecent: (file) => {
        openRecent(file).catch((error: unknown) => {
          dialog.showErrorBox('Faultline', `Could not open ${file.path}: ${String(error)}`);
        });
      },
      recent,
      openWorkspace: () => send({ command: 'open-workspace' }),
      saveWorkspace: () => send({ command: 'save-workspace' }),
      exportReport: () => send({ command: 'export' }),
      exportFixtures: () => send({ command: 'export-fixtures' }),
      showAbout: () => app.showAboutPanel(),
    },
    version,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  const window = new BrowserWindow(windowOptions(preloadPath));
  mainWindow = window;
  hardenWebContents(window.webContents, pathToFileURL(rendererDir + '/').href);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  const load = existsSync(rendererIndex)
    ? window.loadFile(rendererIndex)
    : window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(notBuiltPage)}`);
  load.catch((error: unknown) => {
    dialog.showErrorBox('Faultline', `Could not load the window: ${String(error)}`);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  app.setAboutPanelOptions({ applicationName: 'Faultline', applicationVersion: version });
  recent = await recentStore.load();
  const startupFiles = openCommandLineFiles();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  lockDownPdfSession();
  registerHandlers(ipcMain, {
    showOpenDialog,
    readRange: readFileRange,
    grants,
    appInfo: () => ({ version, platform: process.platform }),
    startupFiles: () => startupFiles,
    sha256File: (path) => sha256File(path),
    saveExport: (request) => saveExport(exportDeps, request),
    openWorkspace: () => openWorkspace(workspaceOpenDeps),
  });
  rebuildMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((error: unknown) => {
  console.error(error);
  app.exit(1);
});
