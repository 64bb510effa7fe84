// Prints the plain closing line ("N passed, N failed") that CI reads, after Jest's own summary.
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    console.log(`\ntests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
  }
}
module.exports = PlainSummaryReporter;
