/**
 * A real JQL recursive-descent parser (its tokens from jql-lexer.ts) for the subset the app issues:
 * clauses (=, !=, >, >=, <, <=, IN, NOT IN, IS [NOT] EMPTY), AND / OR / NOT, parentheses,
 * ORDER BY, `issue.property[key].path` fields, and relative dates (-90d, -12w, -4h, -30m). Anything else is
 * a JqlError, which the server turns into Jira's 400 shape.
 */

export { JqlError, JqlNotEmulated } from './jql-lexer';
import { JqlError, tokenize, type Token } from './jql-lexer';

export type JqlValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'relative'; ms: number }
  | { kind: 'function'; name: string };
export type JqlField =
  { kind: 'field'; name: string } | { kind: 'property'; propertyKey: string; path: string };
export type JqlOperator =
  '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'is empty' | 'is not empty' | '~';

export type JqlNode =
  | { kind: 'and'; left: JqlNode; right: JqlNode }
  | { kind: 'or'; left: JqlNode; right: JqlNode }
  | { kind: 'not'; operand: JqlNode }
  | { kind: 'clause'; field: JqlField; operator: JqlOperator; values: JqlValue[] };

export interface JqlQuery {
  where: JqlNode | null;
  orderBy: Array<{ field: JqlField; direction: 'asc' | 'desc' }>;
}

/**
 * A relative date: JQL's period format, "w" (weeks), "d" (days), "h" (hours) or "m" (minutes) — "-5d",
 * "-4w 2d", "-90m" — from the current time. Months and years are not units ("-1y" is refused).
 */
export function periodMs(text: string): number | null {
  const m = /^([-+]?)\s*((?:\d+[wdhm]\s*)+)$/i.exec(text.trim());
  if (!m) return null;
  const unit: Record<string, number> = { w: 604800000, d: 86400000, h: 3600000, m: 60000 };
  let ms = 0;
  for (const [, n, u] of m[2]!.matchAll(/(\d+)([wdhm])/gi)) ms += Number(n) * unit[u!.toLowerCase()]!;
  return m[1] === '-' ? -ms : ms;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}
  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  private isWord(text: string, offset = 0): boolean {
    const t = this.tokens[this.pos + offset];
    return t?.type === 'word' && t.text.toLowerCase() === text;
  }
  private fail(message: string): never {
    const t = this.peek();
    throw new JqlError(
      t
        ? `Error in the JQL Query: ${message} (line 1, character ${t.at + 1})`
        : `Error in the JQL Query: ${message} at the end of the query.`,
    );
  }

  parse(): JqlQuery {
    const where = this.peek() && !(this.isWord('order') && this.isWord('by', 1)) ? this.parseOr() : null;
    const orderBy: JqlQuery['orderBy'] = [];
    if (this.isWord('order')) {
      this.pos++;
      if (!this.isWord('by')) this.fail("Expecting 'by' after 'order'");
      this.pos++;
      do {
        if (this.peek()?.type === 'comma') this.pos++;
        const field = this.parseField();
        let direction: 'asc' | 'desc' = 'asc';
        if (this.isWord('asc') || this.isWord('desc')) {
          direction = this.peek()!.text.toLowerCase() as 'asc' | 'desc';
          this.pos++;
        }
        orderBy.push({ field, direction });
      } while (this.peek()?.type === 'comma');
    }
    if (this.peek()) this.fail(`Expecting either 'OR' or 'AND' but got '${this.peek()!.text}'.`);
    return { where, orderBy };
  }

  private parseOr(): JqlNode {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }
  private parseAnd(): JqlNode {
    let left = this.parseNot();
    while (this.isWord('and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.parseNot() };
    }
    return left;
  }
  private parseNot(): JqlNode {
    if (this.isWord('not')) {
      this.pos++;
      return { kind: 'not', operand: this.parseNot() };
    }
    if (this.peek()?.type === 'lparen') {
      this.pos++;
      const inner = this.parseOr();
      if (this.peek()?.type !== 'rparen') this.fail("Expecting ')'");
      this.pos++;
      return inner;
    }
    return this.parseClause();
  }
  private parseField(): JqlField {
    const t = this.peek();
    if (!t) this.fail('Expecting a field name');
    this.pos++;
    if (t!.type === 'property') {
      const [propertyKey, path] = t!.text.split('\u0000') as [string, string];
      return { kind: 'property', propertyKey, path };
    }
    if (t!.type === 'word' || t!.type === 'string') return { kind: 'field', name: t!.text.toLowerCase() };
    return this.fail(`Expecting a field name but got '${t!.text}'`);
  }
  private parseValue(): JqlValue {
    const t = this.peek();
    if (!t || (t.type !== 'word' && t.type !== 'string')) return this.fail('Expecting a value');
    this.pos++;
    if (t.type === 'string') return { kind: 'string', value: t.text };
    const ms = periodMs(t.text);
    if (ms !== null) return { kind: 'relative', ms };
    if (this.peek()?.type === 'lparen' && this.tokens[this.pos + 1]?.type === 'rparen') {
      this.pos += 2;
      return { kind: 'function', name: t.text.toLowerCase() };
    }
    if (/^-?\d+(\.\d+)?$/.test(t.text)) return { kind: 'number', value: Number(t.text) };
    return { kind: 'string', value: t.text };
  }
  private parseClause(): JqlNode {
    const field = this.parseField();
    if (this.isWord('is')) {
      this.pos++;
      const negated = this.isWord('not');
      if (negated) this.pos++;
      if (!this.isWord('empty') && !this.isWord('null')) this.fail("Expecting 'EMPTY' after 'IS'");
      this.pos++;
      return { kind: 'clause', field, operator: negated ? 'is not empty' : 'is empty', values: [] };
    }
    let operator: JqlOperator;
    if (this.isWord('not') && this.isWord('in', 1)) {
      this.pos += 2;
      operator = 'not in';
    } else if (this.isWord('in')) {
      this.pos++;
      operator = 'in';
    } else if (this.peek()?.type === 'op') {
      const op = this.peek()!.text;
      if (op === '!~') this.fail("The operator '!~' is not supported here.");
      operator = op as JqlOperator;
      this.pos++;
    } else
      return this.fail(
        `Expecting operator but got '${this.peek()?.text ?? 'end of query'}'. ` +
          "Valid operators are '=', '!=', '<', '>', '<=', '>=', 'in', 'not in', 'is', 'is not'",
      );
    if (operator === 'in' || operator === 'not in') {
      if (this.peek()?.type !== 'lparen') this.fail("Expecting '(' after IN");
      this.pos++;
      const values: JqlValue[] = [];
      while (this.peek() && this.peek()!.type !== 'rparen') {
        values.push(this.parseValue());
        if (this.peek()?.type === 'comma') this.pos++;
      }
      if (this.peek()?.type !== 'rparen') this.fail("Expecting ')'");
      this.pos++;
      if (values.length === 0) this.fail('The IN list is empty');
      return { kind: 'clause', field, operator, values };
    }
    return { kind: 'clause', field, operator, values: [this.parseValue()] };
  }
}

export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql)).parse();
}
