/** @module HTTP API, event stream, metrics and runtime for `rina serve`. */
export { createApp } from './app.ts'
export type { AppOptions, ServerApp } from './app.ts'
export { startServer, isLoopback } from './start.ts'
export type { RunningServer, StartOptions, TlsFiles } from './start.ts'
export { outboxDelivery } from './runtime.ts'
// agents
export { agents } from './runtime.ts'
export type { RuntimeEnv, RuntimeHook } from './runtime.ts'
export { HTTP_STATUS, errorResponse } from './http-errors.ts'
export { ROUTES } from './routes/index.ts'
export type { Route } from './route.ts'
export { FRAME_ANCESTOR, dashboardCsp } from './dashboard/assets.ts'
