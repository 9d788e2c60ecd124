import { sourceFiles } from '../__fixtures__/source-files';
import { ERROR_CATALOG, ERROR_CODES, isErrorCode } from './error-catalog';

// A dotted, upper-case string literal is what an error code looks like ('RECONCILE.ROW_NOT_FOUND').
const CODE_LITERAL = /['"`]([A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)+)['"`]/g;

describe('error catalog', () => {
  it('declares every code with a client or server status and a title', () => {
    for (const code of ERROR_CODES) {
      const spec = ERROR_CATALOG[code];
      expect([code, spec.status >= 400 && spec.status < 600]).toEqual([code, true]);
      expect([code, spec.title.length > 0]).toEqual([code, true]);
      expect(code).toMatch(/^[A-Z]+(\.[A-Z_]+)+$/);
    }
  });

  it('knows its own codes and nothing else', () => {
    expect(isErrorCode('COMMON.NOT_FOUND')).toBe(true);
    expect(isErrorCode('COMMON.NOPE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });

  // The compiler already refuses an undeclared code where a code is typed; this catches one written
  // where it is not (a plain string field, a cast), which the gateway would answer as a 500.
  it('has every code-shaped literal in the source code declared', () => {
    const undeclared: string[] = [];
    for (const file of sourceFiles()) {
      for (const match of withoutLineComments(file.text).matchAll(CODE_LITERAL)) {
        const literal = match[1]!;
        if (!isErrorCode(literal)) undeclared.push(`${file.path}: ${literal}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});

// Comments may name codes of other systems or patterns; code may not.
function withoutLineComments(text: string): string {
  return text.replace(/^\s*\/\/.*$/gm, '');
}
