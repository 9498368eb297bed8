/**
 * CPU seconds of this process and every process below it (Linux), counted once each:
 * - this process, all its threads: `process.cpuUsage()` (microseconds);
 * - its reaped children (and theirs): the cutime/cstime fields of /proc/self/stat;
 * - each live descendant: its utime + stime + cutime + cstime from /proc (clock ticks).
 * Take the difference of two readings: a child alive at the first and reaped by the second moves
 * from the live sum into this process's "children" fields, so nothing is counted twice or lost.
 *
 * Reading /proc costs this process CPU too; {@link treeCpuOf} takes its readings so that the scan
 * falls outside the measured window (the live descendants are scanned before the start reading of
 * this process's own time and after the end reading).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

/** Fields after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14). */
function fieldsOf(pid: string | number): string[] | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Seconds of this process's reaped children, and of its live descendants (with their reaped children). */
function childrenSeconds(): number {
  const self = fieldsOf(process.pid);
  let ticks = self ? Number(self[13]) + Number(self[14]) : 0;
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    const f = fieldsOf(d);
    if (f) stats.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
  }
  const children = new Map<number, number[]>();
  for (const [pid, st] of stats) children.set(st.ppid, [...(children.get(st.ppid) ?? []), pid]);
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks / TICKS;
}

function selfSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** CPU seconds of the whole process tree rooted at this process (see the module comment). */
export function treeCpuSeconds(): number {
  return selfSeconds() + childrenSeconds();
}

/** Run `fn` and return its result with the CPU seconds the whole process tree spent on it. */
export function treeCpuOf<T>(fn: () => T): { value: T; cpu: number } {
  const c0 = childrenSeconds();
  const s0 = selfSeconds();
  const value = fn();
  const s1 = selfSeconds();
  const c1 = childrenSeconds();
  return { value, cpu: s1 - s0 + (c1 - c0) };
}

/** {@link treeCpuOf} for an async `fn` (the CPU of everything the tree did while it ran). */
export async function treeCpuOfAsync<T>(fn: () => Promise<T>): Promise<{ value: T; cpu: number }> {
  const c0 = childrenSeconds();
  const s0 = selfSeconds();
  const value = await fn();
  const s1 = selfSeconds();
  const c1 = childrenSeconds();
  return { value, cpu: s1 - s0 + (c1 - c0) };
}
