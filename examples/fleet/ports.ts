/** @module Loopback ports for the fleet: free ones found by listening on port 0, or a fixed consecutive block. */
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { FLEET_ENVS, FLEET_SERVICES } from './layout.ts'
import type { FleetPorts } from './layout.ts'

/** Holds `count` listeners open at once so the ports differ, then frees them. */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = []
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer()
      servers.push(server)
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(0, '127.0.0.1', resolve)
      })
    }
    return servers.map((s) => {
      const address = s.address()
      if (address === null || typeof address === 'string') throw new Error('no TCP address')
      return address.port
    })
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
  }
}

/** Assigns ports per environment and service, in declaration order, from the given list. */
export function assignPorts(ports: number[]): FleetPorts {
  let i = 0
  const take = () => {
    const port = ports[i++]
    if (port === undefined) throw new Error('not enough ports')
    return port
  }
  const perEnv = () =>
    Object.fromEntries(FLEET_SERVICES.map((s) => [s, take()])) as FleetPorts[keyof FleetPorts]
  return { staging: perEnv(), production: perEnv() }
}

export const PORT_COUNT = FLEET_ENVS.length * FLEET_SERVICES.length

export async function pickPorts(basePort?: number): Promise<FleetPorts> {
  if (basePort !== undefined) return assignPorts(Array.from({ length: PORT_COUNT }, (_, i) => basePort + i))
  return assignPorts(await freePorts(PORT_COUNT))
}
