/**
 * @module Where the live panel's sources are, for the server that bundles and serves them: the entry module and
 * the page template. The same bundle is the VS Code webview.
 */
import { fileURLToPath } from 'node:url'

/** The browser entry (bundled with esbuild by the server, on first request). */
export const DASHBOARD_ENTRY = fileURLToPath(new URL('./main.ts', import.meta.url))
/** The page, with `%APP_JS%` and `%APP_CSS%` where the bundle's URLs go. */
export const DASHBOARD_HTML = fileURLToPath(new URL('./index.html', import.meta.url))
