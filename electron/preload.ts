// The sandboxed preload: it may require only 'electron', so it is bundled into one file
// (electron/bundle.test.ts checks the bundle). Besides main.ts, the only runtime use of electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from '../shared/ipc/bridge-api.ts';
import { MENU_COMMAND_EVENT } from '../shared/ipc/contract.ts';

const bridge = createBridge({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  onMenuCommand(listener) {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(MENU_COMMAND_EVENT, handler);
    return () => ipcRenderer.removeListener(MENU_COMMAND_EVENT, handler);
  },
});

contextBridge.exposeInMainWorld('faultline', bridge);
