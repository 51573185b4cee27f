/**
 * JQL's tokens: words, quoted strings, operators, parentheses, commas and `issue.property[key]` fields,
 * with Jira's own messages for what it cannot read (a JqlError, which the server turns into Jira's 400).
 */

export class JqlError extends Error {}

/** Valid Jira JQL that the local Jira does not evaluate: answered 501, never a Jira-shaped 400. */
export class JqlNotEmulated extends JqlError {}

export type Token = {
  type: 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma' | 'property';
  text: string;
  at: number;
};

const OPERATORS = ['>=', '<=', '!=', '!~', '=', '>', '<', '~'];

export function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(') { tokens.push({ type: 'lparen', text: c, at: i++ }); continue; }
    if (c === ')') { tokens.push({ type: 'rparen', text: c, at: i++ }); continue; }
    if (c === ',') { tokens.push({ type: 'comma', text: c, at: i++ }); continue; }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < jql.length && jql[j] !== c) {
        if (jql[j] === '\\' && j + 1 < jql.length) j++;
        text += jql[j];
        j++;
      }
      if (j >= jql.length)
        throw new JqlError(
          `Error in the JQL Query: The quoted string starting at character ${i + 1} is not terminated.`,
        );
      tokens.push({ type: 'string', text, at: i });
      i = j + 1;
      continue;
    }
    const op = OPERATORS.find((o) => jql.startsWith(o, i));
    if (op) { tokens.push({ type: 'op', text: op, at: i }); i += op.length; continue; }
    const prop = /^issue\.property\[([^\]]+)\]\.([\w.]+)/i.exec(jql.slice(i));
    if (prop) {
      tokens.push({ type: 'property', text: `${prop[1]}\u0000${prop[2]}`, at: i });
      i += prop[0].length;
      continue;
    }
    const word = /^[\w.\-[\]:]+/.exec(jql.slice(i));
    if (!word) {
      const escape = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
      throw new JqlError(
        `Error in the JQL Query: The character '${c}' is a reserved JQL character. You must enclose it ` +
          `in a string or use the escape '${escape}' instead. (line 1, character ${i + 1})`,
      );
    }
    tokens.push({ type: 'word', text: word[0], at: i });
    i += word[0].length;
  }
  return tokens;
}
