/** What the process holds now, in MB: the JS heap plus array buffers (the core's typed arrays). */
export function memoryMB(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}
