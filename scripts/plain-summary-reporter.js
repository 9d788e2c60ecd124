// Prints one plain closing line, "tests: N passed, N failed, N skipped", after jest's own summary,
// so tools that read a run's last line can tell how many tests ran.
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(
      `\ntests: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests + results.numTodoTests} skipped\n`,
    );
  }
}
module.exports = PlainSummaryReporter;
