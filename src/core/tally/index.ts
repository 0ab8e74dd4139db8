/** Who is quoted: statements counted by speaker, outlet and month (issue 16). Pure core: no vscode, no fs. */
export * from './types';
export { statementsOf, speakerKey, kindOf, isStatement, monthOf } from './statements';
export { tally, rowsBy, selectStatements, articleFilter, statementFilter, NONE_ID } from './tally';
export { tallyJson, tallyCsv, contractRow, TALLY_CSV_COLUMNS, type TallyJson } from './contract';
export { PEOPLE_GENDER_ESTIMATE } from './gender';
