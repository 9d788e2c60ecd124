export default async function globalTeardown(): Promise<void> {
  await globalThis.__seatwiseInfra?.dispose();
  globalThis.__seatwiseInfra = undefined;
}
