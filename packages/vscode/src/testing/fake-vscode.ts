/**
 * @module A fake `vscode` module for unit tests under node:test (use-fake-vscode.ts maps the `vscode` import
 * here): the parts of the API that activation and the views touch, doing no I/O. Settings, secrets and workspace
 * folders are set through `fake`, which also records the commands registered and the status bar items made. A
 * part not here is undefined, so a test that reaches it fails where it is used.
 */

type Listener<T> = (e: T) => unknown

export class Disposable {
  #run: (() => unknown) | null

  constructor(run: () => unknown) {
    this.#run = run
  }

  static from(...all: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => all.forEach((d) => d.dispose()))
  }

  dispose(): void {
    this.#run?.()
    this.#run = null
  }
}

export class EventEmitter<T> {
  readonly #listeners = new Set<Listener<T>>()

  readonly event = (listener: Listener<T>): Disposable => {
    this.#listeners.add(listener)
    return new Disposable(() => this.#listeners.delete(listener))
  }

  fire(e: T): void {
    for (const l of [...this.#listeners]) l(e)
  }

  dispose(): void {
    this.#listeners.clear()
  }
}

export class ThemeColor {
  readonly id: string
  constructor(id: string) {
    this.id = id
  }
}

export class Position {
  readonly line: number
  readonly character: number
  constructor(line: number, character: number) {
    this.line = line
    this.character = character
  }
}

export class Range {
  readonly start: Position
  readonly end: Position
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter)
    this.end = new Position(endLine, endCharacter)
  }
}

export class Diagnostic {
  readonly range: Range
  readonly message: string
  readonly severity: number
  source?: string
  code?: string
  constructor(range: Range, message: string, severity: number) {
    this.range = range
    this.message = message
    this.severity = severity
  }
}

export const StatusBarAlignment = { Left: 1, Right: 2 } as const
export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const
export const ViewColumn = { Active: -1, Beside: -2 } as const
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 } as const

export interface FakeUri {
  scheme: 'file'
  fsPath: string
  path: string
}

export const Uri = {
  file: (path: string): FakeUri => ({ scheme: 'file', fsPath: path, path }),
  joinPath: (base: FakeUri, ...parts: string[]): FakeUri => Uri.file([base.fsPath, ...parts].join('/')),
}

export interface FakeStatusBarItem {
  id: string
  name: string
  text: string
  tooltip: string | undefined
  command: string | undefined
  backgroundColor: ThemeColor | undefined
  visible: boolean
  show(): void
  hide(): void
  dispose(): void
}

const saved = new EventEmitter<unknown>()
const configuration = new EventEmitter<{ affectsConfiguration(section: string): boolean }>()
const windowState = new EventEmitter<{ focused: boolean }>()

/** What a test sets and reads. */
export const fake = {
  /** Settings by full key, e.g. `rinawarp.serverUrl`; unset keys give the default the code asks for. */
  settings: {} as Record<string, unknown>,
  /** Paths of the workspace folders. */
  folders: [] as string[],
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  statusBarItems: [] as FakeStatusBarItem[],
  /** Messages shown to the person, as `level: text`. */
  messages: [] as string[],
  /** Fires `workspace.onDidSaveTextDocument`. */
  save: (document: unknown = {}) => saved.fire(document),
  /** Changes a setting and fires `workspace.onDidChangeConfiguration`. */
  configure(key: string, value: unknown): void {
    fake.settings[key] = value
    configuration.fire({
      affectsConfiguration: (section) => key === section || key.startsWith(`${section}.`),
    })
  },
  reset(): void {
    fake.settings = {}
    fake.folders = []
    fake.commands.clear()
    fake.statusBarItems = []
    fake.messages = []
  },
}

const message =
  (level: string) =>
  async (text: string): Promise<undefined> => {
    fake.messages.push(`${level}: ${text}`)
    return undefined
  }

export const window = {
  state: { focused: true },
  onDidChangeWindowState: windowState.event,
  createStatusBarItem(id: string): FakeStatusBarItem {
    const item: FakeStatusBarItem = {
      id,
      name: '',
      text: '',
      tooltip: undefined,
      command: undefined,
      backgroundColor: undefined,
      visible: false,
      show: () => void (item.visible = true),
      hide: () => void (item.visible = false),
      dispose: () => void (item.visible = false),
    }
    fake.statusBarItems.push(item)
    return item
  },
  showInformationMessage: message('info'),
  showWarningMessage: message('warning'),
  showErrorMessage: message('error'),
}

export const workspace = {
  get workspaceFolders() {
    return fake.folders.length
      ? fake.folders.map((path, index) => ({ uri: Uri.file(path), name: path, index }))
      : undefined
  },
  getConfiguration(section: string) {
    return {
      get: <T>(key: string, fallback?: T): T | undefined =>
        (fake.settings[`${section}.${key}`] as T | undefined) ?? fallback,
    }
  },
  onDidSaveTextDocument: saved.event,
  onDidChangeConfiguration: configuration.event,
}

export const languages = {
  createDiagnosticCollection(name: string) {
    const entries = new Map<string, Diagnostic[]>()
    return {
      name,
      set: (uri: FakeUri, diagnostics: Diagnostic[]) => void entries.set(uri.fsPath, diagnostics),
      get: (uri: FakeUri) => entries.get(uri.fsPath),
      clear: () => entries.clear(),
      dispose: () => entries.clear(),
    }
  },
}

export const commands = {
  registerCommand(id: string, run: (...args: unknown[]) => unknown): Disposable {
    if (fake.commands.has(id)) throw new Error(`command '${id}' already exists`)
    fake.commands.set(id, run)
    return new Disposable(() => fake.commands.delete(id))
  },
  async executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    const run = fake.commands.get(id)
    if (!run) throw new Error(`command '${id}' not found`)
    return run(...args)
  },
}

/** An ExtensionContext with what activation uses: its subscriptions and an in-memory secret storage. */
export function extensionContext(secrets: Record<string, string> = {}) {
  const stored = new Map(Object.entries(secrets))
  const changed = new EventEmitter<{ key: string }>()
  return {
    subscriptions: [] as { dispose(): unknown }[],
    secrets: {
      get: async (key: string) => stored.get(key),
      store: async (key: string, value: string) => {
        stored.set(key, value)
        changed.fire({ key })
      },
      delete: async (key: string) => {
        stored.delete(key)
        changed.fire({ key })
      },
      onDidChange: changed.event,
    },
  }
}
