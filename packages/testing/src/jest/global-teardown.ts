export default async function globalTeardown(): Promise<void> {
  await Promise.allSettled([globalThis.__seatwiseInfra?.dispose(), globalThis.__seatwiseMailpit?.dispose()]);
  globalThis.__seatwiseInfra = undefined;
  globalThis.__seatwiseMailpit = undefined;
}
