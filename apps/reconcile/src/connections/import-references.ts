import type { PsaImportInput } from '@seatwise/shared/contracts/reconcile-rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { FieldIssue } from '@seatwise/shared/errors/field-issue';

// An import is checked whole before anything is stored: ids unique, every line naming a listed company and product.
export function checkImportReferences(input: PsaImportInput): void {
  const issues: FieldIssue[] = [];
  const unique = (ids: string[], path: string): Set<string> => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push({ path: `${path}.${i}.id`, message: `duplicate id ${id}` });
      seen.add(id);
    });
    return seen;
  };
  const companies = unique(
    input.companies.map((c) => c.id),
    'companies',
  );
  const products = unique(
    input.products.map((p) => p.id),
    'products',
  );
  input.agreementLines.forEach((line, i) => {
    if (!companies.has(line.companyId)) {
      issues.push({ path: `agreementLines.${i}.companyId`, message: `no company ${line.companyId} in companies` });
    }
    if (!products.has(line.productId)) {
      issues.push({ path: `agreementLines.${i}.productId`, message: `no product ${line.productId} in products` });
    }
  });
  if (issues.length > 0) {
    throw new AppError(
      'COMMON.VALIDATION_FAILED',
      `Invalid import: ${issues
        .slice(0, 5)
        .map((x) => `${x.path}: ${x.message}`)
        .join('; ')}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ''}`,
      issues,
    );
  }
}
