/** @module What every view is given: the API, the store and its refresher, and who is signed in. */
import type { Api } from '../api.ts'
import type { Model, Refresher, Store } from '../model.ts'
import type { Me } from '../types.ts'

export interface ViewCtx {
  api: Api
  store: Store
  refresh: Refresher
  me: Me
}

export interface View {
  el: HTMLElement
  render(m: Model): void
}

const RANK = { viewer: 0, deployer: 1, approver: 2, admin: 3 } as const

/** May the signed-in user take actions that need this role? */
export const may = (me: Me, role: keyof typeof RANK): boolean => RANK[me.role] >= RANK[role]

/** A section with a heading that the navigation links to. */
export function sectionIds(id: string) {
  return { id, heading: `${id}-h` }
}
