/**
 * Fits the classification model on the labeled dev set and prints it as JSON (or writes it with
 * --write). Rerunning it reproduces src/domain/classification-model.json byte for byte; a test holds it to
 * that.
 *   npm run fit-model            print
 *   npm run fit-model -- --write write src/domain/classification-model.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitModel } from '../src/domain/model-fit';
import { labeledSet } from '../src/cli/labeled-set';
import { readWorkItems } from '../src/cli/read-work-items';

export const DEV_SET = join(__dirname, '..', '..', 'shared', 'data', 'dev-set.jsonl');
export const MODEL_FILE = join(__dirname, '..', 'src', 'domain', 'classification-model.json');

export function fittedModelJson(devSet = DEV_SET): string {
  const input = readWorkItems(readFileSync(devSet, 'utf8'));
  if (input.problems.length > 0) throw new Error(`${devSet}: ${input.problems.length} bad rows`);
  const { labeled, readings } = labeledSet(input.rows);
  return `${JSON.stringify(fitModel(labeled, readings), null, 2)}\n`;
}

if (require.main === module) {
  const json = fittedModelJson();
  if (process.argv.includes('--write')) writeFileSync(MODEL_FILE, json);
  else process.stdout.write(json);
}
