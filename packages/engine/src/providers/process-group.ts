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

/** The fields of /proc/<pid>/stat this code uses. */
export interface ProcStat {
  /** R, S, D, Z, T, ... (Z: exited, not yet reaped). */
  state: string
  pgrp: number
  /** Clock ticks after boot when the process started (field 22). */
  startTime: number
}

/** Parses a /proc/<pid>/stat line, or null when it is not one. */
export function parseProcStat(text: string): ProcStat | null {
  // "pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
  // priority nice threads itrealvalue starttime ...": comm may hold spaces and parentheses, so split after the last ')'
  const close = text.lastIndexOf(')')
  if (close < 0) return null
  const fields = text.slice(close + 2).split(' ')
  const [state, pgrp, startTime] = [fields[0], Number(fields[2]), Number(fields[19])]
  if (!state || !Number.isInteger(pgrp) || !Number.isInteger(startTime)) return null
  return { state, pgrp, startTime }
}

/** The process's /proc/<pid>/stat, or null when it does not exist (or there is no /proc). */
export function readProcStat(pid: number): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return null
  }
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
    const stat = readProcStat(Number(name)) // null: exited while we looked
    if (stat?.pgrp === pgid) out.push({ pid: Number(name), state: stat.state })
  }
  return out
}
