/**
 * @module The identity of a command's process group: recorded when the command starts (host, boot, pgid and the
 * leader's start time) and checked before recovery signals it, so a pid the system has since given to another
 * process is never signalled. Stopping such a group is SIGTERM, a grace period, then SIGKILL, and always ends.
 */
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import type { OrphanCommand, ProcessGroupRef } from '../domain/events.ts'
import type { ProcStat } from './process-group.ts'
import { groupAlive, readProcStat, signalGroup } from './process-group.ts'

/** After SIGKILL, how long to wait for the group to be gone before reporting that it survived. */
export const KILL_WAIT_MS = 2_000

/** While a signalled group still has members, how often to look whether they are gone. */
const RECHECK_MS = 25

/** Where this process runs. */
export interface Machine {
  host: string
  bootId: string | null
}

export function thisMachine(): Machine {
  let bootId: string | null
  try {
    bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null
  } catch {
    bootId = null
  }
  return { host: hostname(), bootId }
}

/** The reference of the group led by `pid`, a process just started as the leader of its own group. */
export function recordGroup(pid: number): ProcessGroupRef {
  return { ...thisMachine(), pgid: pid, startTime: readProcStat(pid)?.startTime ?? null }
}

export type GroupCheck = 'running' | 'exited' | 'elsewhere' | 'unverifiable'

/**
 * Pure: is the recorded group's leader, as seen now on `at`, still the same process and still running? A leader
 * that is gone, a zombie, or a pid with another start time (reused) all mean the command itself has ended.
 */
export function checkGroup(ref: ProcessGroupRef, at: Machine, leader: ProcStat | null): GroupCheck {
  if (ref.host !== at.host) return 'elsewhere'
  if (ref.startTime === null) return 'unverifiable'
  if (ref.bootId !== at.bootId) return ref.bootId === null || at.bootId === null ? 'unverifiable' : 'exited'
  if (leader === null || leader.startTime !== ref.startTime || leader.pgrp !== ref.pgid) return 'exited'
  return leader.state === 'Z' ? 'exited' : 'running'
}

/**
 * Stops the recorded group when it is still running on this machine: SIGTERM to the whole group, up to `graceMs`
 * for it to end, then SIGKILL. Returns what it found or did; takes at most about `graceMs` + KILL_WAIT_MS.
 */
export async function stopRecordedGroup(
  ref: ProcessGroupRef,
  graceMs: number,
): Promise<OrphanCommand['outcome']> {
  const check = checkGroup(ref, thisMachine(), readProcStat(ref.pgid))
  if (check !== 'running') return check
  signalGroup(ref.pgid, 'SIGTERM')
  if (await goneWithin(ref.pgid, graceMs)) return 'stopped'
  signalGroup(ref.pgid, 'SIGKILL')
  return (await goneWithin(ref.pgid, KILL_WAIT_MS)) ? 'killed' : 'survived'
}

async function goneWithin(pgid: number, ms: number): Promise<boolean> {
  for (let waited = 0; ; waited += RECHECK_MS) {
    if (!groupAlive(pgid)) return true
    if (waited >= ms) return false
    await new Promise((r) => setTimeout(r, RECHECK_MS))
  }
}
