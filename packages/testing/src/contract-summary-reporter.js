// A jest reporter that ends the run with what a reader of CI output needs: which adapter each port
// contract suite ran against (SQLite, DynamoDB @ endpoint, …), the emulator used, and one plain
// closing line "N passed, N failed, N skipped".
class ContractSummaryReporter {
  constructor() {
    this.suites = new Map();
  }

  onTestResult(_test, result) {
    for (const r of result.testResults) {
      const title = r.ancestorTitles.find((t) => /contract/i.test(t));
      if (!title) continue;
      const entry = this.suites.get(title) ?? { passed: 0, failed: 0 };
      if (r.status === 'passed') entry.passed++;
      else if (r.status === 'failed') entry.failed++;
      this.suites.set(title, entry);
    }
  }

  onRunComplete(_contexts, results) {
    const out = (line) => process.stdout.write(line + '\n');
    out('');
    if (this.suites.size > 0) {
      out('Port contract suites, per adapter:');
      for (const [title, { passed, failed }] of [...this.suites].sort(([a], [b]) => a.localeCompare(b))) {
        out(`  ${failed ? '✕' : '✓'} ${title}: ${passed} passed${failed ? `, ${failed} failed` : ''}`);
      }
    }
    out(`AWS emulator: ${process.env.MEDIAFLOW_EMULATOR_KIND ?? 'none started'}${process.env.MEDIAFLOW_EMULATOR_ENDPOINTS ? ` at ${process.env.MEDIAFLOW_EMULATOR_ENDPOINTS}` : process.env.AWS_ENDPOINT_URL ? ` at ${process.env.AWS_ENDPOINT_URL}` : ''}`);
    const skipped = results.numPendingTests + results.numTodoTests;
    out(`jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
    // scripts/test.mjs repeats the counts as the very last line of `npm test`.
    if (process.env.MEDIAFLOW_TEST_SUMMARY_FILE) {
      require('node:fs').writeFileSync(
        process.env.MEDIAFLOW_TEST_SUMMARY_FILE,
        JSON.stringify({ passed: results.numPassedTests, failed: results.numFailedTests, skipped, suitesFailed: results.numFailedTestSuites }),
      );
    }
  }
}

module.exports = ContractSummaryReporter;
