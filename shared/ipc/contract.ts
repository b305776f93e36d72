import { z } from 'zod';
import { hasControlCharacters } from '../text/control-characters.ts';
import { workspaceSchema, workspaceSideSchema } from '../workspace/workspace-schema.ts';

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

/** Most bytes one export may carry in all its files (512 MiB). */
export const MAX_EXPORT_BYTES = 512 * 1024 * 1024;

/** What the renderer can save; a workspace goes through `workspace:save`, which adds the paths. */
export const exportKindSchema = z.enum([
  'report-html',
  'report-md',
  'report-json',
  'report-pdf',
  'fixtures',
]);
export type ExportKind = z.infer<typeof exportKindSchema>;

const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');

// No folder separators, and no `:` (a Windows drive or stream), in a name we write.
const nameSegment = z
  .string()
  .min(1)
  .max(255)
  .refine(
    (s) => s !== '.' && s !== '..' && !/[\\/:]/.test(s) && !hasControlCharacters(s),
    'not a file name',
  );

/** A file name with no folder: what a save dialog proposes. */
const baseNameSchema = nameSegment;

/** A relative path inside the chosen folder ("report.md", "assets/fig-1.svg"), never outside. */
const relativeNameSchema = z
  .string()
  .max(1024)
  .refine((name) => name.split('/').every((part) => nameSegment.safeParse(part).success), {
    message: 'not a relative file name (no "..", no leading "/", no "\\" or ":")',
  });

// Text counts by its length: the cap bounds what crosses IPC, not the exact bytes on disk.
const sizeOf = (data: string | Uint8Array) =>
  typeof data === 'string' ? data.length : data.byteLength;

/** A file to save: its name (relative, may have folders) and its text or bytes. */
export const exportFileSchema = z.strictObject({
  name: relativeNameSchema,
  data: z.union([z.string(), bytesSchema]),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

const exportFilesSchema = z
  .array(exportFileSchema)
  .min(1)
  .max(10_000)
  .refine((files) => files.reduce((sum, f) => sum + sizeOf(f.data), 0) <= MAX_EXPORT_BYTES, {
    message: `an export may hold at most ${MAX_EXPORT_BYTES} bytes`,
  });

/** Where a save went, or that the user closed the dialog. */
const saveReplySchema = z.union([
  z.strictObject({ path: z.string().min(1) }),
  z.strictObject({ cancelled: z.literal(true) }),
]);
export type SaveReply = z.infer<typeof saveReplySchema>;

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'not a sha256');

/** A saved input against the file found now (shared/workspace/workspace-file.ts compareInputs). */
const inputCheckSchema = z.strictObject({
  side: workspaceSideSchema,
  name: z.string().min(1),
  status: z.enum(['same', 'changed', 'missing']),
  saved_sha256: sha256Schema,
  found_sha256: sha256Schema.nullable(),
  message: z.string().min(1),
});

/** An opened workspace: the state to restore, and per saved file its grant (null: missing). */
const openedWorkspaceSchema = z
  .strictObject({
    name: z.string().min(1),
    workspace: workspaceSchema,
    inputs: z.array(z.strictObject({ file: fileRefSchema.nullable(), check: inputCheckSchema })),
  })
  .refine((r) => r.inputs.length === r.workspace.files.length, {
    message: 'one input per saved file',
    path: ['inputs'],
  });
export type OpenedWorkspace = z.infer<typeof openedWorkspaceSchema>;

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
    reply: bytesSchema,
  },
  'app:info': {
    request: z.strictObject({}),
    reply: z.strictObject({ version: z.string().min(1), platform: z.string().min(1) }),
  },
  'app:startup-files': {
    request: z.strictObject({}),
    reply: z.strictObject({ opens: z.array(startupOpenSchema) }),
  },
  'file:sha256': {
    request: z.strictObject({ id: fileIdSchema }),
    reply: z.strictObject({ sha256: sha256Schema }),
  },
  'export:save': {
    request: z.strictObject({
      kind: exportKindSchema,
      suggestedName: baseNameSchema,
      files: exportFilesSchema,
    }),
    reply: saveReplySchema,
  },
  'workspace:save': {
    // The renderer knows files by id only: main puts in the path of each granted one.
    request: z
      .strictObject({
        suggestedName: baseNameSchema,
        workspace: workspaceSchema,
        fileIds: z.array(fileIdSchema.nullable()),
      })
      .refine((r) => r.fileIds.length === r.workspace.files.length, {
        message: 'one file id (or null) per workspace file',
        path: ['fileIds'],
      }),
    reply: saveReplySchema,
  },
  'workspace:open': {
    request: z.strictObject({}),
    reply: z.union([openedWorkspaceSchema, z.strictObject({ cancelled: z.literal(true) })]),
  },
} as const;

export type ChannelName = keyof typeof contract;
/** A request as the handler sees it, once parsed (defaults filled in). */
export type RequestOf<C extends ChannelName> = z.infer<(typeof contract)[C]['request']>;
/** A request as the renderer may send it (fields with defaults may be left out). */
export type RequestInputOf<C extends ChannelName> = z.input<(typeof contract)[C]['request']>;
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
  /** File ▸ Export Report…: the renderer builds the report and saves it with `export:save`. */
  z.strictObject({ command: z.literal('export') }),
  z.strictObject({ command: z.literal('export-fixtures') }),
  z.strictObject({ command: z.literal('save-workspace') }),
  z.strictObject({ command: z.literal('open-workspace') }),
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;
