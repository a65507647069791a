/** The SMS rules' tables run on the one rule tester (test/support/rule-tester.ts). */
export { findingsOf, ruleTester as ruleTable, type Case, type Expected } from '../support/rule-tester';
