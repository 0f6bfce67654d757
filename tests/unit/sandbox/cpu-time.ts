/**
 * CPU time this process spent since the call, in milliseconds: for "bounded work" assertions that must hold on a
 * loaded machine, where wall-clock time also counts the time other jobs had the CPU. (Vitest runs each test file in
 * its own process, so this is the test's own work plus its garbage collection.)
 */
export function cpuClock(): () => number {
  const start = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1_000;
  };
}
