/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes, newlines inside quotes, CRLF. It reads
 * text in pieces (a stream's chunks) as well as whole: a quote, a CR or a field split across two
 * pieces reads as if it were not. Blank lines are not records.
 */
export class CsvParser {
  private row: string[] = [];
  private field = '';
  private inQuotes = false;
  /** A quote inside quotes ended the last piece: it closes the field, or starts a doubled quote. */
  private quoteAtEnd = false;
  /** A CR ended the last piece: a LF starting the next one belongs to it. */
  private crAtEnd = false;
  /** Set by end(): the text ended inside a quoted field, so its last record holds the rest of the file. */
  unclosedQuote = false;

  /** The records completed by this piece of text. */
  push(text: string): string[][] {
    const records: string[][] = [];
    let i = 0;
    if (this.crAtEnd && text[0] === '\n') i = 1;
    this.crAtEnd = false;
    if (this.quoteAtEnd && text.length > 0) {
      this.quoteAtEnd = false;
      if (text[i] === '"') { this.field += '"'; i++; } else this.inQuotes = false;
    }
    for (; i < text.length; i++) {
      const c = text[i];
      if (this.inQuotes) {
        if (c !== '"') { this.field += c; continue; }
        if (i + 1 === text.length) { this.quoteAtEnd = true; continue; }
        if (text[i + 1] === '"') { this.field += '"'; i++; } else this.inQuotes = false;
        continue;
      }
      if (c === '"' && this.field === '') this.inQuotes = true;
      else if (c === ',') { this.row.push(this.field); this.field = ''; }
      else if (c === '\n' || c === '\r') {
        if (c === '\r') {
          if (i + 1 === text.length) this.crAtEnd = true;
          else if (text[i + 1] === '\n') i++;
        }
        this.endRecord(records);
      } else this.field += c;
    }
    return records;
  }

  /** The last record, when the text does not end with a newline. */
  end(): string[][] {
    const records: string[][] = [];
    this.unclosedQuote = this.inQuotes && !this.quoteAtEnd;
    this.inQuotes = false;
    this.quoteAtEnd = false;
    if (this.field !== '' || this.row.length > 0) {
      this.row.push(this.field);
      records.push(this.row);
    }
    this.row = [];
    this.field = '';
    return records;
  }

  private endRecord(records: string[][]): void {
    this.row.push(this.field);
    this.field = '';
    if (this.row.length > 1 || this.row[0] !== '') records.push(this.row);
    this.row = [];
  }
}

export function parseCsv(text: string): string[][] {
  return readCsv(text).records;
}

/** The records, and whether the text ended inside a quoted field (CsvParser.unclosedQuote). */
export function readCsv(text: string): { records: string[][]; unclosedQuote: boolean } {
  const parser = new CsvParser();
  const records = [...parser.push(text), ...parser.end()];
  return { records, unclosedQuote: parser.unclosedQuote };
}

export const UNCLOSED_QUOTE =
  'a quoted field is never closed: the rest of the file was read into it (a missing closing ")';

export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
