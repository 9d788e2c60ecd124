import { duoAuthLogRecordSchema, type DuoAuthLogRecord } from '@seatwise/shared/contracts/duo-records';
import { formatIssues } from '@seatwise/shared/validation/zod-issues';

export interface SplitRecords {
  valid: DuoAuthLogRecord[];
  invalid: { raw: unknown; reason: string }[];
}

// Duo records that break our contract are not dropped: the caller dead-letters them with the reason.
export function splitAuthLogRecords(records: readonly unknown[]): SplitRecords {
  const out: SplitRecords = { valid: [], invalid: [] };
  for (const raw of records) {
    const parsed = duoAuthLogRecordSchema.safeParse(raw);
    if (parsed.success) out.valid.push(parsed.data);
    else out.invalid.push({ raw, reason: formatIssues(parsed.error) });
  }
  return out;
}
