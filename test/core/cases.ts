/** The tone rules' tables run on the one rule tester (test/support/rule-tester.ts): message ids come from the rule's reports. */
export { findingsOf, ruleTester as ruleTable, spanOf as located, type Case, type Expected, type InvalidCase } from '../support/rule-tester';
