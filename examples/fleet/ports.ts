/**
 * @module Loopback ports for the fleet: free ones picked at random below the kernel's ephemeral range, or a fixed
 * consecutive block. Below that range matters: the fleet frees a port between picking and serving it, and a port
 * from the ephemeral range can be taken in that gap by any outgoing connection or `listen(0)` on the machine.
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { FLEET_ENVS, FLEET_SERVICES } from './layout.ts'
import type { FleetPorts } from './layout.ts'

/** Lowest port the kernel hands out on its own (Linux), or the IANA dynamic range's start elsewhere. */
function ephemeralStart(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0])
    return Number.isInteger(low) && low > 12_000 ? low : 49_152
  } catch {
    return 49_152
  }
}

function listenOn(port: number): Promise<Server | null> {
  const server = createServer()
  return new Promise((resolve) => {
    server.once('error', () => resolve(null))
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

/** Holds `count` listeners open at once so the ports differ, then frees them. */
export async function freePorts(count: number, random: () => number = Math.random): Promise<number[]> {
  const servers: Server[] = []
  const high = ephemeralStart()
  const low = Math.max(10_000, high - 12_000)
  try {
    for (let tries = 0; servers.length < count; tries++) {
      if (tries > 500) throw new Error(`no free loopback ports between ${low} and ${high}`)
      const server = await listenOn(low + Math.floor(random() * (high - low)))
      if (server !== null) servers.push(server)
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
