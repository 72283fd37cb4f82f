/** Nearest-rank percentile: always one of the measured values, never an interpolation. */
export function percentile(values: readonly number[], rank: number): number {
  if (values.length === 0) throw new Error('No measurement to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** Rounded for reading: figures on a shared machine are not worth more digits. */
export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/** Message sizes and budgets are in decimal megabytes, as the budgets are written. */
export const MEGABYTE = 1_000_000;
/** Memory is in MiB, as Lambda's memory setting counts it. */
export const MEBIBYTE = 1024 * 1024;

export const toMebibytes = (bytes: number): number => round(bytes / MEBIBYTE);
