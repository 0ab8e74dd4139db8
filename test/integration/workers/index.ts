import { runSuiteFolder } from '../runMocha';

export function run(): Promise<void> {
  return runSuiteFolder(__dirname);
}
