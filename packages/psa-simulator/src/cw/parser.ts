import { ConditionError, tokenize, type Token } from './lexer';

export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  | { type: 'date'; value: number };

export type CmpOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'like' | 'in';

export type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; expr: Expr }
  | { kind: 'cmp'; field: string; op: CmpOp; negated: boolean; value: Literal | Literal[] };

const keyword = (t: Token | undefined, word: string): boolean => t?.kind === 'ident' && t.text.toLowerCase() === word;

// Recursive descent with SQL precedence: `not` > `and` > `or`. Keywords are case-insensitive, as in CW.
class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.or();
    const extra = this.tokens[this.pos];
    if (extra) throw new ConditionError(`unexpected token at position ${extra.at}`);
    return expr;
  }

  private or(): Expr {
    let left = this.and();
    while (keyword(this.tokens[this.pos], 'or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.unary();
    while (keyword(this.tokens[this.pos], 'and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    const token = this.tokens[this.pos];
    if (keyword(token, 'not')) {
      this.pos++;
      return { kind: 'not', expr: this.unary() };
    }
    if (token?.kind === 'punct' && token.text === '(') {
      this.pos++;
      const expr = this.or();
      this.expectPunct(')');
      return expr;
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const field = this.tokens[this.pos++];
    if (field?.kind !== 'ident' || ['and', 'or', 'not'].includes(field.text.toLowerCase())) {
      throw new ConditionError(`expected a field name at position ${field?.at ?? 'end'}`);
    }
    let negated = false;
    if (keyword(this.tokens[this.pos], 'not')) {
      negated = true;
      this.pos++;
    }
    const opToken = this.tokens[this.pos++];
    const word = opToken?.kind === 'ident' ? opToken.text.toLowerCase() : '';
    if (opToken?.kind === 'op' && !negated) {
      return { kind: 'cmp', field: field.text, op: opToken.text, negated, value: this.literal() };
    }
    if (word === 'contains' || word === 'like') {
      return { kind: 'cmp', field: field.text, op: word, negated, value: this.literal() };
    }
    if (word === 'in') return { kind: 'cmp', field: field.text, op: 'in', negated, value: this.list() };
    throw new ConditionError(`expected an operator after '${field.text}' at position ${opToken?.at ?? 'end'}`);
  }

  private list(): Literal[] {
    this.expectPunct('(');
    const values = [this.literal()];
    while (this.isPunct(',')) {
      this.pos++;
      values.push(this.literal());
    }
    this.expectPunct(')');
    return values;
  }

  private literal(): Literal {
    const t = this.tokens[this.pos++];
    if (t?.kind === 'string') return { type: 'string', value: t.text };
    if (t?.kind === 'number') return { type: 'number', value: t.value };
    if (t?.kind === 'date') return { type: 'date', value: t.value };
    if (keyword(t, 'true') || keyword(t, 'false')) return { type: 'boolean', value: keyword(t, 'true') };
    if (keyword(t, 'null')) return { type: 'null' };
    throw new ConditionError(`expected a value at position ${t?.at ?? 'end'}`);
  }

  private isPunct(text: string): boolean {
    const t = this.tokens[this.pos];
    return t?.kind === 'punct' && t.text === text;
  }

  private expectPunct(text: '(' | ')'): void {
    const t = this.tokens[this.pos++];
    if (t?.kind !== 'punct' || t.text !== text) {
      throw new ConditionError(`expected '${text}' at position ${t?.at ?? 'end'}`);
    }
  }
}

export function parseConditions(source: string): Expr {
  const tokens = tokenize(source);
  if (tokens.length === 0) throw new ConditionError('empty conditions');
  return new Parser(tokens).parse();
}
