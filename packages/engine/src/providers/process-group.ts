/**
 * @module Signals a whole process group and tells whether anything in it still runs. Zombies do not count: where
 * nothing reaps orphans (a container whose PID 1 is not an init), they would otherwise keep a group "alive".
 */
import { readdirSync, readFileSync } from 'node:fs'

export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // the group is already gone
  }
}

export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
  const members = procMembers(pgid)
  return members === null || members.some((m) => m.state !== 'Z')
}

/** Members of the group read from /proc, or null where there is no /proc (then any member counts). */
function procMembers(pgid: number): { pid: number; state: string }[] | null {
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return null
  }
  const out: { pid: number; state: string }[] = []
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === pgid) out.push({ pid: Number(name), state: fields[0]! })
    } catch {
      // exited while we looked
    }
  }
  return out
}
