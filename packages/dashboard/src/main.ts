/**
 * @module The live panel's entry: theme first, then the token (fragment, session or form), then the sections,
 * loaded from the API and kept current by the event stream. The same bundle runs in the VS Code webview.
 */
import './styles.css'
import { createApi } from './api.ts'
import type { Api } from './api.ts'
import { TOKEN_KEY, readBoot } from './auth.ts'
import { h } from './dom.ts'
import { connectLive } from './live.ts'
import { RESOURCES, Store, createRefresher, resourcesFor } from './model.ts'
import { applyTheme, currentTheme } from './theme.ts'
import { toastRegion } from './toast.ts'
import type { Me } from './types.ts'
import { approvalsView } from './views/approvals.ts'
import { auditView } from './views/audit.ts'
import type { View, ViewCtx } from './views/context.ts'
import { environmentsView } from './views/environments.ts'
import { headerView } from './views/header.ts'
import { healthView } from './views/health.ts'
import { incidentsView } from './views/incidents.ts'
import { loginView } from './views/login.ts'
import { runsView } from './views/runs.ts'

const SAMPLES_EVERY_MS = 15_000

applyTheme(currentTheme())
matchMedia('(prefers-color-scheme: light)').addEventListener('change', () => applyTheme(currentTheme()))

const root = document.getElementById('app')!
const boot = readBoot(location.hash, location.origin, sessionStorage.getItem(TOKEN_KEY))
if (location.hash !== boot.rest)
  history.replaceState(null, '', `${location.pathname}${location.search}${boot.rest}`)

function showLogin(problem: string | null): void {
  sessionStorage.removeItem(TOKEN_KEY)
  root.replaceChildren(
    loginView(boot.api, problem, (token, me) => {
      sessionStorage.setItem(TOKEN_KEY, token)
      start(createApi(boot.api, token), me)
    }),
  )
}

function start(api: Api, me: Me): void {
  const store = new Store()
  const ctx: ViewCtx = { api, store, refresh: createRefresher(api, store), me }
  let stopLive = () => {}
  const signOut = () => {
    stopLive()
    showLogin(null)
  }
  const views: View[] = [
    headerView(ctx, signOut),
    environmentsView(ctx),
    healthView(ctx),
    runsView(ctx),
    approvalsView(ctx),
    incidentsView(ctx),
    auditView(ctx),
  ]
  const [header, ...sections] = views
  root.replaceChildren(
    header!.el,
    h('main', { id: 'main', tabindex: -1 }, ...sections.map((v) => v.el)),
    toastRegion(),
  )
  store.set({ me })
  store.subscribe((m) => {
    for (const v of views) v.render(m)
  })
  void (async () => {
    const head = await api.get<{ seq: number }>('/api/v1/audit/anchor')
    await ctx.refresh.load(RESOURCES)
    const live = connectLive(api, head.ok ? head.value.seq : 0, {
      onEvent: (e) => {
        store.applyEvent(e)
        ctx.refresh.soon(['verify', ...resourcesFor(e.type)])
      },
      onMetrics: (metrics) => store.set({ metrics }),
      onState: (s) => {
        store.set({ live: s })
        if (s === 'unauthorized') showLogin('The token was refused (revoked?). Give another one.')
      },
    })
    // The health agent's samples are not journaled one by one: fetch them now and then.
    const samples = setInterval(() => ctx.refresh.soon(['samples']), SAMPLES_EVERY_MS)
    stopLive = () => {
      live.stop()
      clearInterval(samples)
    }
  })()
}

if (!boot.token) showLogin(null)
else {
  const api = createApi(boot.api, boot.token)
  void api.get<Me>('/api/v1/me').then((r) => {
    if (r.ok) {
      sessionStorage.setItem(TOKEN_KEY, boot.token!)
      start(api, r.value)
    } else showLogin(`${r.error.message}${r.error.hint ? ` — ${r.error.hint}` : ''}`)
  })
}
