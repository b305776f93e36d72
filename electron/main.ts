import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { MENU_COMMAND_EVENT, type MenuCommand, type OpenPurpose } from '../shared/ipc/contract.ts';
import { createFileGrants } from './file-grants.ts';
import { registerHandlers, type PickedFile } from './ipc-handlers.ts';
import { buildMenuTemplate, type RecentFile } from './menu.ts';
import { readFileRange } from '../shared/engine/read-file-range.node.ts';
import { contentSecurityPolicy, hardenWebContents, windowOptions } from './window.ts';

const here = dirname(fileURLToPath(import.meta.url));
const rootDir = join(here, '..');
const rendererDir = join(rootDir, 'renderer', 'dist');
const rendererIndex = join(rendererDir, 'index.html');
const preloadPath = join(here, 'preload.cjs');
const MAX_RECENT = 10;

const grants = createFileGrants((length) => new Uint8Array(randomBytes(length)));
let recent: RecentFile[] = [];
let mainWindow: BrowserWindow | null = null;

const notBuiltPage = `<!doctype html><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<title>Faultline</title>
<body style="font: 16px system-ui; margin: 3em">
<h1>Faultline</h1><p>The renderer is not built (renderer/dist/index.html is missing).</p></body>`;

function send(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_COMMAND_EVENT, command);
}

function remember(files: RecentFile[]): void {
  const paths = new Set(files.map((f) => f.path));
  recent = [...files, ...recent.filter((f) => !paths.has(f.path))].slice(0, MAX_RECENT);
  rebuildMenu();
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
      exportReport: () => send({ command: 'export' }),
      showAbout: () => app.showAboutPanel(),
    },
    app.getVersion(),
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
  app.setAboutPanelOptions({ applicationName: 'Faultline', applicationVersion: app.getVersion() });
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
  registerHandlers(ipcMain, {
    showOpenDialog,
    readRange: readFileRange,
    grants,
    appInfo: () => ({ version: app.getVersion(), platform: process.platform }),
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
