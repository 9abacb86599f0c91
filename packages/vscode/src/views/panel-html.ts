/**
 * @module The AI Terminal Panel's page: the dashboard of `rina serve` in a frame, under a strict content-security
 * policy (nothing but that one origin may be framed; only the nonce'd script runs). The token travels in the URL
 * fragment, which never reaches the server's logs. The small script speaks a request/reply protocol with the
 * extension: `reload` and `ping` in, `ready` and `pong` out.
 */

export interface PanelPage {
  serverUrl: string
  token: string | null
  nonce: string
  /** Starting view for the dashboard, e.g. a run id; passed in the fragment. */
  focus?: string
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function dashboardUrl(p: Pick<PanelPage, 'serverUrl' | 'token' | 'focus'>): string {
  const base = new URL(p.serverUrl)
  const frag = new URLSearchParams()
  if (p.token) frag.set('token', p.token)
  if (p.focus) frag.set('focus', p.focus)
  return `${base.origin}${base.pathname.replace(/\/*$/, '/')}${frag.size ? `#${frag}` : ''}`
}

export function contentSecurityPolicy(serverUrl: string, nonce: string): string {
  const origin = new URL(serverUrl).origin
  return [
    "default-src 'none'",
    `frame-src ${origin}`,
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

export function panelHtml(p: PanelPage): string {
  const src = dashboardUrl(p)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(p.serverUrl, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AI Terminal Panel</title>
<style nonce="${esc(p.nonce)}">
  html, body { margin: 0; padding: 0; height: 100%; overflow: hidden; }
  iframe { border: 0; width: 100%; height: 100vh; display: block; }
</style>
</head>
<body>
<iframe id="dashboard" title="RinaWarp dashboard" src="${esc(src)}"></iframe>
<script nonce="${esc(p.nonce)}">
  const vscode = acquireVsCodeApi();
  const frame = document.getElementById('dashboard');
  frame.addEventListener('load', () => vscode.postMessage({ type: 'ready', src: frame.src }));
  window.addEventListener('message', (e) => {
    const m = e.data || {};
    if (m.type === 'reload') { frame.src = m.src || frame.src; }
    if (m.type === 'ping') vscode.postMessage({ type: 'pong', id: m.id, src: frame.src });
  });
</script>
</body>
</html>
`
}
