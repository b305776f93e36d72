import { z } from 'zod';

/** Largest byte range one `file:read-range` call may ask for (64 MiB). */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

/** A granted file's id: opaque and unguessable, never a path (no `/`, `\` or `.`). */
export const fileIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'not a file id');

/** What a file is opened as. */
export const openPurposeSchema = z.enum(['reference', 'current', 'log']);
export type OpenPurpose = z.infer<typeof openPurposeSchema>;

/** A file the renderer may read: its id, display name and size, never its path. */
export const fileRefSchema = z.strictObject({
  id: fileIdSchema,
  name: z.string().min(1),
  size: z.int().nonnegative(),
});
export type FileRef = z.infer<typeof fileRefSchema>;

const byteOffset = z.int().nonnegative();

/** Files named on the command line, opened together as one purpose. */
const startupOpenSchema = z.strictObject({
  purpose: openPurposeSchema,
  files: z.array(fileRefSchema).min(1),
});
export type StartupOpen = z.infer<typeof startupOpenSchema>;

/** Every invoke channel with its request and reply schema; objects are strict (extra keys fail). */
export const contract = {
  'dialog:open-files': {
    request: z.strictObject({ purpose: openPurposeSchema }),
    reply: z.strictObject({ files: z.array(fileRefSchema) }),
  },
  'file:read-range': {
    request: z
      .strictObject({ id: fileIdSchema, start: byteOffset, end: byteOffset })
      .refine((r) => r.start <= r.end, { message: 'start must not be after end', path: ['end'] })
      .refine((r) => r.end - r.start <= MAX_READ_BYTES, {
        message: `a range may span at most ${MAX_READ_BYTES} bytes`,
        path: ['end'],
      }),
    reply: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes'),
  },
  'app:info': {
    request: z.strictObject({}),
    reply: z.strictObject({ version: z.string().min(1), platform: z.string().min(1) }),
  },
  'app:startup-files': {
    request: z.strictObject({}),
    reply: z.strictObject({ opens: z.array(startupOpenSchema) }),
  },
} as const;

export type ChannelName = keyof typeof contract;
export type RequestOf<C extends ChannelName> = z.infer<(typeof contract)[C]['request']>;
export type ReplyOf<C extends ChannelName> = z.infer<(typeof contract)[C]['reply']>;

/** The allowlist: the only channels the main process handles and the preload exposes. */
export const CHANNEL_NAMES = Object.keys(contract) as readonly ChannelName[];

/** Main → renderer event carrying menu commands; the renderer acts on them with the channels above. */
export const MENU_COMMAND_EVENT = 'menu:command';

/** Payload of `menu:command`. */
export const menuCommandSchema = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('open-files'), purpose: openPurposeSchema }),
  z.strictObject({
    command: z.literal('open-granted'),
    purpose: openPurposeSchema,
    files: z.array(fileRefSchema),
  }),
  z.strictObject({ command: z.literal('export') }),
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;
