/**
 * The CLI reads what Jira exports: a single issue (GET /rest/api/3/issue), search responses, JSON Lines of
 * either, a Jira CSV export (numeric "Issue id"/"Parent id" mapped to keys, "Custom field (Epic Link)"
 * read), standard input; --help, --version; and bad input gets a message that says what is accepted.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { file, run } from './cli-kit';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures');
const fixture = (path: string) => join(FIXTURES, path);
const compact = (path: string) => JSON.stringify(JSON.parse(readFileSync(fixture(path), 'utf8')));
const keysOf = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { key: string }).key);

describe('Jira JSON', () => {
  it.each([
    ['tidev/DAEMON-48.json', ['DAEMON-48']],
    ['jira-cli/issue.json', ['TEST-1']],
    ['spec-examples/getIssue.response.200.json', ['ED-1']],
  ])('a single issue: %s', (path, keys) => {
    const r = run(['classify', fixture(path)]);
    expect(r.code).toBe(0);
    expect(keysOf(r.stdout)).toEqual(keys);
  });

  it('a search response', () => {
    const r = run(['classify', fixture('jira-cli/search.json')]);
    expect(r.code).toBe(0);
    expect(keysOf(r.stdout)).toEqual(['TEST-1', 'TEST-2', 'TEST-3']);
  });

  it('JSON Lines of issues and of search responses, mixed', () => {
    const p = file(
      'mixed.jsonl',
      [compact('tidev/TIMOB-10.json'), compact('jira-cli/epic.json'), compact('tidev/DAEMON-48.json')].join(
        '\n',
      ),
    );
    const r = run(['classify', p]);
    expect(r.code).toBe(0);
    expect(keysOf(r.stdout)).toEqual(['TIMOB-10', 'EPIC-1', 'EPIC-2', 'DAEMON-48']);
  });

  it('"-" reads standard input', () => {
    const r = run(
      ['classify', '-', '--format', 'table'],
      readFileSync(fixture('jira-cli/search.json'), 'utf8'),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^TEST-2 /m);
  });
});

describe('a Jira CSV export (Jira\'s documented columns)', () => {
  const csv = [
    'Summary,Issue key,Issue id,Parent id,Issue Type,Status,Project key,Labels,Labels,' +
      'Custom field (Epic Link),Description',
    '"Enter the mid-market segment",SHOP-1,10001,,Epic,Open,SHOP,,,,"Market research shows a gap; ' +
      'decide our pricing."',
    'Fix the cart total,SHOP-2,10002,10001,Bug,Done,SHOP,cart,ui,,"Steps to reproduce: add a coupon."',
    'Add the coupon field,SHOP-3,10003,,Story,Open,SHOP,,,SHOP-1,',
  ].join('\n');

  it('maps the numeric parent id to its key and reads the Epic Link', () => {
    const r = run(['balance', file('export.csv', csv)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}SHOP-1 +count S\/T\/M \d+\/2\/0/m);
  });

  it('CSV output carries the evidence\'s plain meanings, not internal codes', () => {
    const r = run(['classify', file('export2.csv', csv), '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Product owner: Bug fixes/);
    expect(r.stdout).not.toMatch(/\b(PM|PO):[a-z-]+\(/);
  });
});

describe('the command line itself', () => {
  it('--help prints the usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: ownership-balance <command> FILE/);
    expect(r.stdout).toMatch(/"-" reads\s+standard input/);
  });
  it('--version prints the package version', () => {
    const r = run(['--version']);
    expect(r.code).toBe(0);
    const packageJson = readFileSync(resolve(__dirname, '../../package.json'), 'utf8');
    const pkg = JSON.parse(packageJson) as { version: string };
    expect(r.stdout.trim()).toBe(`ownership-balance ${pkg.version}`);
  });
  it.each([
    [['classify', 'x.jsonl', '--colour'], /unknown option "--colour" for classify/],
    [['evaluate', 'x.jsonl', '--format', 'csv'], /unknown option "--format" for evaluate/],
    [['classify', '--format'], /--format needs a value/],
    [['classify', 'a.jsonl', 'b.jsonl'], /one input file at a time/],
  ])('%j is a usage error', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
  it('when no format matches, the message names the formats it accepts', () => {
    const r = run(['classify', file('notes.txt', 'just some notes\nabout nothing\n')]);
    expect(r.code).toBe(1);
    const formats = ['JSON Lines ', 'a Jira issue ', 'a Jira search response ', 'a Jira CSV export'];
    expect(r.stderr).toMatch(new RegExp(`no valid work items found \\(expected ${formats.join('.*')}`));
  });
});
